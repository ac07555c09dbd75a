package io.hyperspatial.core.index.score;

/**
 * Scores stored vectors, by ordinal, against one fixed query (or one stored node). Lower scores
 * are closer. A score is a cheap monotone stand-in for the metric's distance (for Poincaré the
 * acosh argument, for L2 the squared distance); {@link ScoringSpace#distance} converts it.
 * Not thread-safe: a scorer may own scratch buffers; create one per search.
 */
@FunctionalInterface
public interface NodeScorer {
    float score(int ordinal);

    /**
     * Scores {@code ordinals[0..n)} into {@code out[0..n)}, exactly as {@link #score} would one by
     * one. The graph search scores each node's new neighbours in one call, so an implementation
     * can hoist per-call work out of the loop.
     */
    default void scoreAll(int[] ordinals, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = score(ordinals[i]);
        }
    }
}
