package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.store.SharedResources;
import org.rocksdb.Cache;
import org.rocksdb.WriteBufferManager;

/**
 * The caches and write-buffer manager shared by the raw RocksDB stores: manifold's own
 * {@link SharedResources} for the same {@link DatabaseOptions}, so both sides run with the same
 * memory. Close after the stores.
 */
final class RawRocksResources implements AutoCloseable {
    private final DatabaseOptions options;
    private final SharedResources shared;

    RawRocksResources(DatabaseOptions options) {
        this.options = options;
        this.shared = new SharedResources(options);
    }

    DatabaseOptions options() {
        return options;
    }

    Cache blockCache() {
        return shared.blockCache();
    }

    /** The row cache, or null when the options turn it off. */
    Cache rowCache() {
        return shared.rowCache();
    }

    WriteBufferManager writeBufferManager() {
        return shared.writeBufferManager();
    }

    @Override
    public void close() {
        shared.close();
    }
}
