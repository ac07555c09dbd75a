package io.hyperspatial.core.index.hnsw;

/**
 * Choices of an {@link HnswIndex} that are not part of the shared
 * {@link io.hyperspatial.core.index.IndexConfig}. Immutable, so thread-safe.
 *
 * @param seed                  seeds the level generator; with one building thread the graph is
 *                              then reproducible
 * @param keepPrunedConnections fill free neighbour slots with candidates the selection heuristic
 *                              rejected (the paper's option). On by default: on hierarchical
 *                              (hyperbolic) data the heuristic alone keeps one or two links per
 *                              node, all toward the root, and the hubs they point at cannot
 *                              link back to everyone, so about half the nodes of a 4,000-point
 *                              Poincaré test set ended with no in-link and recall stalled near
 *                              0.7 at any ef; with it, 0.95. On clustered Euclidean data both
 *                              settings reach full recall.
 */
public record HnswOptions(long seed, boolean keepPrunedConnections) {

    public static final HnswOptions DEFAULT = new HnswOptions(42L, true);

    public HnswOptions withSeed(long v) {
        return new HnswOptions(v, keepPrunedConnections);
    }

    public HnswOptions withKeepPrunedConnections(boolean v) {
        return new HnswOptions(seed, v);
    }
}
