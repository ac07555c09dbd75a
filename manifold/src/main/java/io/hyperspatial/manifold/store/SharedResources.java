package io.hyperspatial.manifold.store;

import io.hyperspatial.manifold.DatabaseOptions;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Native objects shared by every collection of a database: one block cache, one write-buffer
 * manager (whose memtable memory is charged to the block cache) and one row cache, so total memory
 * stays bounded however many collections are open. Owned and closed by the database, after all
 * collections.
 *
 * <p>The row cache holds the results of point reads (get, multi-get) from table files, keyed by
 * file and key: a hit skips the index search, the block-cache lookup and the search inside the
 * block. RocksDB keeps it consistent with writes, compactions and snapshots itself. It refuses
 * range deletions in any write while it is on, so stores delete key by key
 * ({@link KeyDeletes}).
 */
public final class SharedResources implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    /**
     * 16 shards for the row cache instead of RocksDB's choice (64 at 32 MiB and more): measured
     * 1–2% less CPU per point read than 64 shards, and 256 shards cost 3% more (docs/benchmarks.md).
     */
    static final int ROW_CACHE_SHARD_BITS = 4;

    private final Cache blockCache;
    private final WriteBufferManager writeBufferManager;
    private final Cache rowCache;

    public SharedResources(DatabaseOptions options) {
        this.blockCache = new LRUCache(options.blockCacheBytes() + options.writeBufferBytes());
        this.writeBufferManager = new WriteBufferManager(options.writeBufferBytes(), blockCache);
        this.rowCache = options.rowCacheBytes() > 0 ? new LRUCache(options.rowCacheBytes(), ROW_CACHE_SHARD_BITS) : null;
    }

    public Cache blockCache() {
        return blockCache;
    }

    public WriteBufferManager writeBufferManager() {
        return writeBufferManager;
    }

    /** The row cache, or null when {@link DatabaseOptions#rowCacheBytes()} is 0. */
    public Cache rowCache() {
        return rowCache;
    }

    /** Bytes in the row cache (0 when it is off). */
    public long rowCacheUsage() {
        return rowCache == null ? 0 : rowCache.getUsage();
    }

    /** Bytes in the shared block cache, including memtable reservations. */
    public long cacheUsage() {
        return blockCache.getUsage();
    }

    @Override
    public void close() {
        writeBufferManager.close();
        blockCache.close();
        if (rowCache != null) {
            rowCache.close();
        }
    }
}
