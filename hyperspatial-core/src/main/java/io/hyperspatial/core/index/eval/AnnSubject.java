package io.hyperspatial.core.index.eval;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.VectorIndex;
import org.roaringbitmap.RoaringBitmap;

/**
 * An index under measurement by {@link AnnEvaluation}: ours, exact brute force, or a peer library
 * wrapped to answer k-NN queries over the base vectors by their 0-based position. Searches are
 * issued from one thread at a time; implementations need not be thread-safe.
 */
public interface AnnSubject extends AutoCloseable {

    /**
     * The 0-based ids of the k nearest base vectors to {@code query}, nearest first, searching with
     * beam width {@code ef}; only ids in {@code filter} when it is not null.
     */
    int[] search(float[] query, int k, int ef, RoaringBitmap filter);

    /** Bytes the index holds (vectors, graph, codes), as the subject reports them. */
    long memoryBytes();

    /** Bytes of memory-mapped vector files, not part of {@link #memoryBytes} (0 if the subject maps none). */
    default long mappedBytes() {
        return 0;
    }

    /** Whether {@link #search} honours a filter; a subject that does not is not run with one. */
    default boolean supportsFilter() {
        return true;
    }

    @Override
    default void close() {
    }

    /** Builds a subject over base vectors with ids 0..n−1, using the config's metric, m and ef_construction. */
    @FunctionalInterface
    interface Factory {
        AnnSubject build(IndexConfig config, float[][] base, int threads) throws Exception;
    }

    /** Builds one of our {@link VectorIndex} implementations from ids and vectors on some threads. */
    @FunctionalInterface
    interface IndexBuilder {
        VectorIndex build(IndexConfig config, int[] ids, float[][] vectors, int threads);
    }

    /** A factory of subjects backed by a {@link VectorIndex} of ours. */
    static Factory of(IndexBuilder builder) {
        return (config, base, threads) -> {
            int[] ids = new int[base.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            return of(builder.build(config, ids, base, threads));
        };
    }

    /** A subject backed by a built {@link VectorIndex}. */
    static AnnSubject of(VectorIndex index) {
        return new AnnSubject() {
            @Override
            public int[] search(float[] query, int k, int ef, RoaringBitmap filter) {
                return index.search(new SearchRequest(query, k, ef, filter)).stream().mapToInt(h -> h.id()).toArray();
            }

            @Override
            public long memoryBytes() {
                return index.memoryBytes();
            }

            @Override
            public long mappedBytes() {
                return index.mappedBytes();
            }

            @Override
            public void close() {
                index.close();
            }
        };
    }
}
