package io.hyperspatial.manifold.store;

/**
 * Keeps a collection's store open while held: an idle collection is closed only when no lease is
 * outstanding. Close exactly once.
 */
public interface Lease extends AutoCloseable {
    CollectionStore store();

    @Override
    void close();
}
