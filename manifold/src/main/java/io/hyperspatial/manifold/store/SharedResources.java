package io.hyperspatial.manifold.store;

import io.hyperspatial.manifold.DatabaseOptions;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Native objects shared by every collection of a database: one block cache and one write-buffer
 * manager (whose memtable memory is charged to the cache), so total memory stays bounded however
 * many collections are open. Owned and closed by the database, after all collections.
 */
public final class SharedResources implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final Cache blockCache;
    private final WriteBufferManager writeBufferManager;

    public SharedResources(DatabaseOptions options) {
        this.blockCache = new LRUCache(options.blockCacheBytes() + options.writeBufferBytes());
        this.writeBufferManager = new WriteBufferManager(options.writeBufferBytes(), blockCache);
    }

    public Cache blockCache() {
        return blockCache;
    }

    public WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    /** Bytes in the shared cache, including memtable reservations. */
    public long cacheUsage() {
        return blockCache.getUsage();
    }

    @Override
    public void close() {
        writeBufferManager.close();
        blockCache.close();
    }
}
