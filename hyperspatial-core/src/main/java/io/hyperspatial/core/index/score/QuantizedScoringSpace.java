package io.hyperspatial.core.index.score;

/**
 * A {@link ScoringSpace} whose scorers read compact codes (int8, binary) instead of float32
 * vectors. It keeps the full-precision vectors in {@link #exact()} (sharing its ordinals), and
 * the graph reranks its best candidates with exact scores before reporting distances.
 */
public interface QuantizedScoringSpace extends ScoringSpace {

    /** The full-precision space with the same ordinals, for rerank and reported distances. */
    ScoringSpace exact();

    /** How many candidates per requested result to rerank exactly (e.g. 2 for int8, 8 for binary). */
    int rerankFactor();
}
