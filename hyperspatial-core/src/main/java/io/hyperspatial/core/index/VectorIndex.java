package io.hyperspatial.core.index;

import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.WriteValidator;

import java.util.List;

/**
 * An approximate nearest-neighbour index over vectors identified by the caller's non-negative
 * int ids. Vectors are validated for the metric before anything is stored (wrong dimension,
 * NaN/∞, a zero vector for cosine, a point on or outside the Poincaré ball, a point off the
 * hyperboloid for Lorentz → a {@link io.hyperspatial.manifold.error.SchemaViolationException}
 * naming the problem, nothing inserted). Implementations are thread-safe: adds, removes and
 * searches may run concurrently. {@link #close} releases off-heap memory an index may hold (the
 * mapped vectors of a quantized HNSW index); no call may follow it.
 */
public interface VectorIndex extends AutoCloseable {

    IndexConfig config();

    /** Inserts a vector, or replaces the vector of an id already present. */
    void add(int id, float[] vector);

    /**
     * Adds many vectors, possibly on several threads. Every vector is validated first: on bad
     * input nothing is added. This default adds them one by one on the calling thread.
     */
    default void addAll(int[] ids, float[][] vectors, int threads) {
        if (ids.length != vectors.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + vectors.length + " vectors");
        }
        VectorField field = new VectorField("vector", 0, VectorKind.DENSE, config().dimension(), config().metric(),
                config().curvature());
        for (float[] v : vectors) {
            WriteValidator.dense(field, v);
        }
        for (int i = 0; i < ids.length; i++) {
            add(ids[i], vectors[i]);
        }
    }

    /** Removes an id: hidden from searches at once; its graph links are repaired. False if absent. */
    boolean remove(int id);

    /** The k nearest ids to the query, nearest first. */
    List<SearchHit> search(SearchRequest request);

    /** Changes the default ef_search used by requests with ef 0; takes effect for the next search. */
    void setEfSearch(int efSearch);

    /** Ids currently in the index. */
    int size();

    /** Approximate bytes held on the Java heap (vectors or codes, graph, id map). */
    long memoryBytes();

    /**
     * Bytes of vectors in memory-mapped files, outside the heap and paged by the operating system
     * (resident only as far as it keeps them); not part of {@link #memoryBytes}. 0 by default.
     */
    default long mappedBytes() {
        return 0;
    }

    /**
     * Called when the writer has nothing more to add for now (the collection's indexer, once it
     * has applied every change committed so far): upkeep that would slow a stream of writes may
     * run here. Nothing by default.
     */
    default void settle() {
    }

    /** Releases off-heap memory and files; nothing by default. */
    @Override
    default void close() {
    }
}
