package io.hyperspatial.core.index.hnsw;

import java.util.Arrays;

/**
 * Which ordinals one search has already reached. Each ordinal holds the generation in which it
 * was last visited, so starting a new search is one increment rather than a clear of the whole
 * array (the array is wiped only when the generation counter wraps, every 2³² − 1 searches).
 * Grows on demand, since concurrent inserts may add ordinals while a search runs.
 *
 * <p>Not thread-safe: owned by one {@link HnswSearcher} or repair pass.
 */
final class VisitedSet {
    private int[] stamps;
    private int generation;

    VisitedSet(int capacity) {
        this.stamps = new int[Math.max(16, capacity)];
    }

    /** Forgets every visit; makes room for at least {@code capacity} ordinals. */
    void clear(int capacity) {
        if (capacity > stamps.length) {
            stamps = new int[grownLength(capacity)];
            generation = 0;
        }
        if (++generation == 0) {
            Arrays.fill(stamps, 0);
            generation = 1;
        }
    }

    /** Marks an ordinal visited; true if it was not visited before in this generation. */
    boolean visit(int ordinal) {
        if (ordinal >= stamps.length) {
            stamps = Arrays.copyOf(stamps, grownLength(ordinal + 1));
        }
        if (stamps[ordinal] == generation) {
            return false;
        }
        stamps[ordinal] = generation;
        return true;
    }

    private int grownLength(int needed) {
        return Math.max(needed, stamps.length + (stamps.length >> 1));
    }
}
