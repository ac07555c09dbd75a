package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Computes the two positions that come from an entity's own data rather than its edges, with a
 * {@link HyperbolicProjection} fitted to (a sample of) the collection:
 * <ul>
 *   <li>{@link PositionKind#EMBEDDING}: from a dense vector field (unit-normalised first when
 *       the field's metric is cosine);</li>
 *   <li>{@link PositionKind#PROPERTY}: from a {@link PropertyFingerprint} of the properties.</li>
 * </ul>
 * Each run declares the kind's position space (curvature −1), reads one snapshot, and writes
 * every entity's position (extending its trajectory). Entities written later get a position at
 * the next run. Stateless.
 */
public final class VectorPositioner {
    /** Vectors the projection is fitted to at most (a seeded reservoir sample beyond that). */
    static final int SAMPLE = 20_000;

    private VectorPositioner() {
    }

    /** What a run wrote. */
    public record Mapped(PositionKind kind, int entities, long sequence) {
    }

    /** Embedding positions of {@code dims} spatial dimensions from the dense vector field {@code field}. */
    public static Mapped fromField(Collection collection, String field, int dims, long seed, long timeMillis,
                                   WriteProgress progress) {
        VectorField f = collection.schema().vectorField(field);
        if (f.kind() != VectorKind.DENSE) {
            throw new SchemaViolationException(ErrorCode.TYPE_MISMATCH, field, "vector field '" + field + "' is "
                    + f.kind().name().toLowerCase() + "; embedding positions come from a dense field");
        }
        boolean normalize = f.metric() == VectorMetric.COSINE;
        return run(collection, PositionKind.EMBEDDING, dims, seed, normalize, timeMillis, progress,
                (view, action) -> view.vectors().forEachDense(field, action::accept));
    }

    /** Property positions of {@code dims} spatial dimensions from every entity's properties. */
    public static Mapped fromProperties(Collection collection, int dims, long seed, long timeMillis,
                                        WriteProgress progress) {
        return run(collection, PositionKind.PROPERTY, dims, seed, false, timeMillis, progress,
                (view, action) -> view.entities().forEach(e -> {
                    var props = view.properties().all(e.id());
                    if (!props.isEmpty()) {
                        action.accept(e.id(), PropertyFingerprint.of(props));
                    }
                }));
    }

    /** Every (entity, vector) a run maps, read from a view. */
    private interface Source {
        void forEach(ReadView view, BiConsumer<UUID, float[]> action);
    }

    private static Mapped run(Collection collection, PositionKind kind, int dims, long seed, boolean normalize,
                              long timeMillis, WriteProgress progress, Source source) {
        collection.updateSchema(s -> s.positionSpace(kind, dims, 1.0, List.of()));
        List<UUID> ids = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        try (ReadView view = collection.snapshot()) {
            List<float[]> sample = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(seed);
            long[] seen = {0};
            source.forEach(view, (id, v) -> {
                seen[0]++;
                if (sample.size() < SAMPLE) {
                    sample.add(v);
                } else {
                    long slot = random.nextLong(seen[0]);
                    if (slot < SAMPLE) {
                        sample.set((int) slot, v);
                    }
                }
            });
            if (sample.isEmpty()) {
                throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "position." + kind.name().toLowerCase(),
                        "collection '" + collection.name() + "' has nothing to compute " + kind.name().toLowerCase()
                                + " positions from", null);
            }
            HyperbolicProjection projection = HyperbolicProjection.fit(sample, dims, normalize, seed);
            source.forEach(view, (id, v) -> {
                ids.add(id);
                points.add(projection.map(v));
            });
        }
        long sequence = PositionWriter.write(collection, kind, ids, points::get, timeMillis, progress);
        return new Mapped(kind, ids.size(), sequence);
    }
}
