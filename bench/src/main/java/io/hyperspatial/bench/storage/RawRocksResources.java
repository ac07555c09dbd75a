package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.DatabaseOptions;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The block cache and write-buffer manager shared by the raw RocksDB stores, sized and wired as
 * manifold's {@code SharedResources} for the same {@link DatabaseOptions}, so both sides run with
 * the same memory. Close after the stores.
 */
final class RawRocksResources implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final DatabaseOptions options;
    private final Cache blockCache;
    private final WriteBufferManager writeBufferManager;

    RawRocksResources(DatabaseOptions options) {
        this.options = options;
        this.blockCache = new LRUCache(options.blockCacheBytes() + options.writeBufferBytes());
        this.writeBufferManager = new WriteBufferManager(options.writeBufferBytes(), blockCache);
    }

    DatabaseOptions options() {
        return options;
    }

    Cache blockCache() {
        return blockCache;
    }

    WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    @Override
    public void close() {
        writeBufferManager.close();
        blockCache.close();
    }
}
