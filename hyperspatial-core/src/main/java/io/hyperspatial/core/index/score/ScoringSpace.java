package io.hyperspatial.core.index.score;

/**
 * The vectors of one index as the graph sees them: the graph asks for scorers and never learns
 * the metric (Poincaré, Lorentz, cosine, L2, dot) or the encoding (float32, int8, binary).
 * Ordinals are dense, assigned by {@link #add} in order. Thread-safe: {@link #add} may run
 * concurrently with scoring of ordinals already added. A space that holds off-heap memory
 * releases it on {@link #close}; no scorer may be used after it.
 */
public interface ScoringSpace extends AutoCloseable {

    int dimension();

    /** Number of ordinals added so far. */
    int size();

    /**
     * Stores a vector (already validated for the metric) and returns its ordinal. Metric
     * preparation happens here: cosine vectors are normalised, Poincaré vectors get their
     * conformal factor α = 1/(1−‖x‖²) cached.
     */
    int add(float[] vector);

    /** Replaces the vector at an ordinal (same preparation as {@link #add}). */
    void set(int ordinal, float[] vector);

    /** A scorer of stored vectors against a query vector (validated, not yet prepared). */
    NodeScorer scorer(float[] query);

    /** A scorer of stored vectors against the stored vector at {@code ordinal} (for building and repair). */
    NodeScorer scorer(int ordinal);

    /**
     * The score of the stored vector at {@code b} against the one at {@code a}, as
     * {@code scorer(a).score(b)} gives it; for the pairwise checks of neighbour selection, which
     * score one pair per candidate. Spaces that can read both slots in place override it.
     */
    default float score(int a, int b) {
        return scorer(a).score(b);
    }

    /** The metric's distance for a score of this space (e.g. acosh of the Poincaré argument). */
    float distance(float score);

    /** The stored vector at an ordinal, as it was given (a copy). */
    float[] vector(int ordinal);

    /** Bytes held on the Java heap per vector, including cached per-vector factors. */
    long bytesPerVector();

    /** Bytes of vectors in mapped files, which the operating system pages in and out (none by default). */
    default long mappedBytes() {
        return 0;
    }

    /** Releases off-heap memory and files (nothing by default). */
    @Override
    default void close() {
    }
}
