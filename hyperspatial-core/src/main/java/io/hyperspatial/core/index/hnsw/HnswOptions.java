package io.hyperspatial.core.index.hnsw;

import java.nio.file.Path;

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
 * @param vectorDirectory       where a quantized index creates the file its full-precision
 *                              vectors are mapped from (unlinked at once, so nothing is left
 *                              behind); null for the JVM's temporary directory
 *                              ({@code java.io.tmpdir}). Not used by unquantized indexes, whose
 *                              vectors are on the heap. A runtime choice, not part of snapshots.
 */
public record HnswOptions(long seed, boolean keepPrunedConnections, Path vectorDirectory) {

    public static final HnswOptions DEFAULT = new HnswOptions(42L, true, null);

    /** Options with vector files in the temporary directory. */
    public HnswOptions(long seed, boolean keepPrunedConnections) {
        this(seed, keepPrunedConnections, null);
    }

    public HnswOptions withSeed(long v) {
        return new HnswOptions(v, keepPrunedConnections, vectorDirectory);
    }

    public HnswOptions withKeepPrunedConnections(boolean v) {
        return new HnswOptions(seed, v, vectorDirectory);
    }

    public HnswOptions withVectorDirectory(Path v) {
        return new HnswOptions(seed, keepPrunedConnections, v);
    }

    /** The directory vector files go to: {@link #vectorDirectory}, or {@code java.io.tmpdir}. */
    public Path vectorDirectoryOrTemp() {
        return vectorDirectory != null ? vectorDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
