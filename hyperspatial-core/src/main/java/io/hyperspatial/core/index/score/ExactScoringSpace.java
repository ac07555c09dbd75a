package io.hyperspatial.core.index.score;

/**
 * A full-precision float32 {@link ScoringSpace} whose prepared vectors are in {@link VectorSlots}
 * one can read and restore directly (for snapshots): the heap-resident spaces of each metric
 * ({@link FloatScoringSpace}), or one of them over a mapped file ({@link MappedFloatSpace}).
 */
public sealed interface ExactScoringSpace extends ScoringSpace permits FloatScoringSpace, MappedFloatSpace {

    /**
     * The prepared slots: {@link VectorSlots#readSlots} writes them out and
     * {@link VectorSlots#appendSlots} restores them into a new, empty space of the same metric and
     * dimension, bit for bit, without preparing them again.
     */
    VectorSlots slots();
}
