package io.hyperspatial.core.index.hnsw;

/**
 * Which ordinals a graph search may return. Rejected ordinals are still traversed (they route
 * the search); they only never enter the result set. Implementations are read in the search's
 * inner loop, so they do constant work and never allocate. A filter is used by one search at a
 * time; those shared across threads ({@link #ALL}, the index's liveness check) are stateless.
 */
@FunctionalInterface
interface OrdinalFilter {

    /** Every ordinal; used while building, where deleted nodes remain valid stepping stones. */
    OrdinalFilter ALL = ordinal -> true;

    boolean accepts(int ordinal);
}
