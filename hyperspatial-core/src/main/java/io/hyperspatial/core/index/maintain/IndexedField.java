package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.geometry.HyperbolicModels;
import io.hyperspatial.core.index.HyperboloidRerank;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.Map;

/**
 * Something of a collection that gets a vector index: a dense vector field, or the positions of
 * one declared {@link PositionSpace}. The indexer reads both through this, so it never knows
 * which it follows.
 *
 * <p>Positions are float64 points on the hyperboloid; they are indexed under the name
 * {@code position.KIND} (e.g. {@code position.graph}) as float32 hyperboloid points, which the
 * Lorentz space scores in geodesic polar form ({@link io.hyperspatial.core.index.score.LorentzSpace}):
 * that keeps about seven digits of every distance however far from the origin, where the float32
 * Poincaré ball rounds every point beyond a distance of about 16 onto its boundary. Queries are
 * still given as Poincaré-ball points ({@link #queryField}), as positions are shown. A position
 * search asks the index for {@code max(k, ef)} candidates and {@link #refine re-ranks} them by
 * their stored float64 points, so reported distances are exact.
 */
sealed interface IndexedField {
    /** The prefix of a position index's name; vector field names cannot contain a dot. */
    String POSITION_PREFIX = "position.";

    /** The index's name: the vector field's, or {@code position.KIND}. */
    String name();

    /** The field the index is configured from (for positions, a Lorentz field of the space's dimension + 1). */
    VectorField field();

    /** What a query vector must be: the field itself, or for positions a Poincaré field of the space's dimension. */
    default VectorField queryField() {
        return field();
    }

    /** Whether a change can alter what this index holds for the entity. */
    boolean touchedBy(EntityChange change);

    /** The entity's indexed point now, if it has one. */
    Optional<float[]> read(ReadView view, UUID entity);

    /** Every entity's indexed point. */
    void forEach(ReadView view, BiConsumer<UUID, float[]> action);

    /**
     * A query given as a point of {@link #queryField}: for a vector field the indexed point itself
     * (checked by the index), for positions a Poincaré point, checked here.
     *
     * @param precise the same point in double precision, or null; positions re-rank against it
     *                (a float32 ball point far out is off by much more than the re-rank resolves),
     *                vector fields ignore it
     * @throws io.hyperspatial.manifold.error.SchemaViolationException if a position query is not a
     *                                                                 point of the ball
     */
    FieldQuery query(float[] point, double[] precise);

    /** A query for the entities nearest to {@code entity}, at the precision it is stored in; empty if it has no point. */
    Optional<FieldQuery> queryOf(ReadView view, UUID entity);

    /** How many candidates to ask the index for, to return k at ef: k, or more where {@link #refine} re-ranks. */
    default int candidates(int k, int ef) {
        return k;
    }

    /** The k nearest of the index's candidates: as found, or re-ranked at the precision of storage. */
    default List<EntityHit> refine(ReadView view, FieldQuery query, List<EntityHit> candidates, int k) {
        return candidates.size() > k ? candidates.subList(0, k) : candidates;
    }

    /**
     * A k-NN query: the point searched in the index, and for positions the float64 hyperboloid
     * point the candidates are re-ranked against (null for vector fields).
     */
    record FieldQuery(float[] indexed, double[] exact) {
    }

    /** What the schema declares to index, by name, in name order. */
    static Map<String, IndexedField> of(Schema schema) {
        Map<String, IndexedField> fields = new TreeMap<>();
        for (VectorField f : schema.vectorFields().values()) {
            if (f.kind() == VectorKind.DENSE) {
                fields.put(f.name(), new DenseVectors(f));
            }
        }
        for (PositionSpace space : schema.positionSpaces().values()) {
            Positions p = new Positions(space);
            fields.put(p.name(), p);
        }
        return fields;
    }

    /** The index name of a kind of position. */
    static String positionIndexName(PositionKind kind) {
        return POSITION_PREFIX + kind.name().toLowerCase(Locale.ROOT);
    }

    /** A dense vector field, indexed as stored. */
    record DenseVectors(VectorField field) implements IndexedField {
        @Override
        public String name() {
            return field.name();
        }

        @Override
        public boolean touchedBy(EntityChange c) {
            return c.has(ChangeFlag.VECTORS) || c.has(ChangeFlag.DELETED) || c.has(ChangeFlag.CREATED);
        }

        @Override
        public Optional<float[]> read(ReadView view, UUID entity) {
            return view.vectors().dense(entity, field.name());
        }

        @Override
        public void forEach(ReadView view, BiConsumer<UUID, float[]> action) {
            view.vectors().forEachDense(field.name(), action::accept);
        }

        @Override
        public FieldQuery query(float[] point, double[] precise) {
            return new FieldQuery(point, null);
        }

        @Override
        public Optional<FieldQuery> queryOf(ReadView view, UUID entity) {
            return read(view, entity).map(point -> query(point, null));
        }
    }

    /** The positions of one space, indexed as hyperboloid points and queried by Poincaré points. */
    record Positions(PositionSpace space, VectorField field, VectorField queryField, HyperbolicModels models)
            implements IndexedField {
        Positions(PositionSpace space) {
            this(space, new VectorField(positionIndexName(space.kind()), space.id(), VectorKind.DENSE, space.dimension() + 1,
                            VectorMetric.LORENTZ, space.curvature()),
                    new VectorField(positionIndexName(space.kind()), space.id(), VectorKind.DENSE, space.dimension(),
                            VectorMetric.POINCARE, space.curvature()),
                    new HyperbolicModels(space.curvature()));
        }

        @Override
        public String name() {
            return field.name();
        }

        @Override
        public boolean touchedBy(EntityChange c) {
            return c.has(ChangeFlag.POSITIONS) || c.has(ChangeFlag.DELETED) || c.has(ChangeFlag.CREATED);
        }

        @Override
        public Optional<float[]> read(ReadView view, UUID entity) {
            return view.positions().get(entity, space.kind()).map(Positions::toFloat);
        }

        @Override
        public void forEach(ReadView view, BiConsumer<UUID, float[]> action) {
            view.positions().forEach(space.kind(), (id, x) -> action.accept(id, toFloat(x)));
        }

        @Override
        public FieldQuery query(float[] point, double[] precise) {
            WriteValidator.dense(queryField, point);
            double[] p = precise;
            if (p == null) {
                p = new double[point.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = point[i];
                }
            }
            double[] exact = models.toLorentz(p);
            return new FieldQuery(toFloat(exact), exact);
        }

        @Override
        public Optional<FieldQuery> queryOf(ReadView view, UUID entity) {
            return view.positions().get(entity, space.kind()).map(x -> new FieldQuery(toFloat(x), x));
        }

        /** The float32 index finds the region; ef candidates re-ranked in float64 put it in exact order. */
        @Override
        public int candidates(int k, int ef) {
            return Math.max(k, ef);
        }

        /** Re-ranks by the exact distance between the stored float64 points ({@link HyperboloidRerank}), read in one batch. */
        @Override
        public List<EntityHit> refine(ReadView view, FieldQuery query, List<EntityHit> candidates, int k) {
            List<EntityHit> out = new ArrayList<>(Math.min(k, candidates.size()));
            List<UUID> entities = new ArrayList<>(candidates.size());
            for (EntityHit h : candidates) {
                entities.add(h.entity());
            }
            List<double[]> points = view.positions().getAll(entities, space.kind());
            for (HyperboloidRerank.Ranked<EntityHit> r : HyperboloidRerank.rerank(models.lorentz(), query.exact(),
                    candidates, points, k)) {
                out.add(new EntityHit(r.item().entity(), (float) r.distance()));
            }
            return out;
        }

        /** The float32 coordinates of a hyperboloid point, as the Lorentz index takes them. */
        static float[] toFloat(double[] x) {
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = (float) x[i];
            }
            return out;
        }
    }
}
