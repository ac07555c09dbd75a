package io.hyperspatial.server;

import io.hyperspatial.manifold.store.Lease;
import org.rocksdb.RocksDBException;

/** How a served collection's table sits in RocksDB right now, read in-process, for tests of compaction. */
public final class StorageLayout {
    private StorageLayout() {
    }

    /** Rows in the table's active memtable (written, not yet flushed to a file). */
    public static long memtableEntries(TestServer s, String collection, String family) {
        try (Lease lease = s.server().database().collection(collection).acquire()) {
            return lease.store().longProperty(family, "rocksdb.num-entries-active-mem-table");
        }
    }

    /** The table's files in level 0 (flushed, not yet compacted); a string property, so not read with {@code longProperty}. */
    public static long level0Files(TestServer s, String collection, String family) {
        try (Lease lease = s.server().database().collection(collection).acquire()) {
            return Long.parseLong(lease.store().db().getProperty(lease.store().family(family), "rocksdb.num-files-at-level0"));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the level-0 file count of " + family, e);
        }
    }
}
