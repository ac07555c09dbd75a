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
}
