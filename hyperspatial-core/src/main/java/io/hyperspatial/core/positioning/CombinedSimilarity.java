package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * A distance between entities that weighs their graph, embedding and property positions: the
 * weighted mean of the hyperbolic distances of the kinds both entities have positions of (weights
 * of missing kinds drop out, the rest are renormalised). {@link #nearest} finds the entities
 * nearest by it: candidates from each weighted kind's position index, reranked exactly.
 *
 * @param weights non-negative weight per kind; at least one positive
 */
public record CombinedSimilarity(Map<PositionKind, Double> weights) {
    /** Candidates taken from each kind's index per result asked for. */
    static final int CANDIDATES_PER_RESULT = 4;

    public CombinedSimilarity {
        weights = Map.copyOf(weights);
        double sum = 0;
        for (Map.Entry<PositionKind, Double> w : weights.entrySet()) {
            if (!(w.getValue() >= 0) || Double.isInfinite(w.getValue())) {
                throw new IllegalArgumentException("weight of " + w.getKey().name().toLowerCase() + " must be finite and >= 0, got "
                        + w.getValue());
            }
            sum += w.getValue();
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
    }

    /** Weights for graph, embedding and property positions. */
    public static CombinedSimilarity of(double graph, double embedding, double property) {
        Map<PositionKind, Double> w = new EnumMap<>(PositionKind.class);
        w.put(PositionKind.GRAPH, graph);
        w.put(PositionKind.EMBEDDING, embedding);
        w.put(PositionKind.PROPERTY, property);
        return new CombinedSimilarity(w);
    }

    /** The combined distance of two entities, empty if they share no positively weighted kind of position. */
    public OptionalDouble distance(ReadView view, UUID a, UUID b) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<PositionKind, Double> w : weights.entrySet()) {
            Optional<PositionSpace> space = view.schema().positionSpace(w.getKey());
            if (w.getValue() == 0 || space.isEmpty()) {
                continue;
            }
            Optional<double[]> pa = view.positions().get(a, w.getKey());
            Optional<double[]> pb = view.positions().get(b, w.getKey());
            if (pa.isPresent() && pb.isPresent()) {
                sum += w.getValue() * new LorentzModel(space.get().curvature()).distance(pa.get(), pb.get());
                weight += w.getValue();
            }
        }
        return weight == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weight);
    }

    /**
     * The {@code k} entities nearest to {@code entity} by this distance (the entity itself left
     * out), through the position indexes of {@code indexer}.
     *
     * @throws ManifoldException ({@code invalid_argument}) if the entity has no position of any weighted kind
     */
    public List<EntityHit> nearest(CollectionIndexer indexer, ReadView view, UUID entity, int k) {
        Set<UUID> candidates = new LinkedHashSet<>();
        for (Map.Entry<PositionKind, Double> w : weights.entrySet()) {
            if (w.getValue() == 0 || view.schema().positionSpace(w.getKey()).isEmpty()) {
                continue;
            }
            String index = CollectionIndexer.positionIndexName(w.getKey());
            int n = (k + 1) * CANDIDATES_PER_RESULT;
            for (EntityHit h : indexer.searchLike(index, entity, n, Math.max(n, 64), null).orElse(List.of())) {
                candidates.add(h.entity());
            }
        }
        candidates.remove(entity);
        if (candidates.isEmpty() && !hasAnyPosition(view, entity)) {
            throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "position",
                    "entity " + entity + " has no position of a weighted kind", null);
        }
        List<EntityHit> hits = new ArrayList<>();
        for (UUID c : candidates) {
            OptionalDouble d = distance(view, entity, c);
            if (d.isPresent()) {
                hits.add(new EntityHit(c, (float) d.getAsDouble()));
            }
        }
        hits.sort(Comparator.comparingDouble(EntityHit::distance));
        return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    }

    private boolean hasAnyPosition(ReadView view, UUID entity) {
        for (Map.Entry<PositionKind, Double> w : weights.entrySet()) {
            if (w.getValue() > 0 && view.positions().get(entity, w.getKey()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
