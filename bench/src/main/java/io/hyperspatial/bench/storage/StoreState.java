package io.hyperspatial.bench.storage;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import java.util.List;

/**
 * A snapshot of a RocksDB instance's shape, from its properties: files in level 0 and in total,
 * SST bytes, memtable memory (live, and all including immutable and history memtables kept for
 * conflict checks), and the (shared) block cache's use. Reported next to the import and read
 * figures because they explain them. Stateless.
 */
final class StoreState {
    private StoreState() {
    }

    static JsonObject of(RocksDB db, List<ColumnFamilyHandle> families) {
        try {
            long l0 = 0;
            long files = 0;
            long sstBytes = 0;
            long liveMemtables = 0;
            long allMemtables = 0;
            for (ColumnFamilyHandle f : families) {
                l0 += Long.parseLong(db.getProperty(f, "rocksdb.num-files-at-level0").trim());
                for (int level = 0; level < 7; level++) {
                    files += Long.parseLong(db.getProperty(f, "rocksdb.num-files-at-level" + level).trim());
                }
                sstBytes += db.getLongProperty(f, "rocksdb.live-sst-files-size");
                liveMemtables += db.getLongProperty(f, "rocksdb.cur-size-all-mem-tables");
                allMemtables += db.getLongProperty(f, "rocksdb.size-all-mem-tables");
            }
            ColumnFamilyHandle any = families.getFirst();
            return new JsonObject()
                    .put("l0_files", l0)
                    .put("sst_files", files)
                    .put("sst_bytes", sstBytes)
                    .put("memtable_bytes_unflushed", liveMemtables)
                    .put("memtable_bytes_all", allMemtables)
                    .put("block_cache_capacity", db.getLongProperty(any, "rocksdb.block-cache-capacity"))
                    .put("block_cache_usage", db.getLongProperty(any, "rocksdb.block-cache-usage"))
                    .put("block_cache_pinned_usage", db.getLongProperty(any, "rocksdb.block-cache-pinned-usage"));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read RocksDB properties: " + e.getMessage(), e);
        }
    }
}
