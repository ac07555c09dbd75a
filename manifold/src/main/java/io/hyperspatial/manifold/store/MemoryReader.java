package io.hyperspatial.manifold.store;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Point reads of the latest committed state that never touch the disk: RocksDB's block-cache
 * read tier answers from the memtables and the block cache, and a read that would need a file
 * throws {@link NotInMemory} instead. Each read sees the state of its own moment (no snapshot).
 * Scans are never served, since an iterator at this tier would stop silently at an uncached
 * block. For callers that must not block, such as a server's event loop, and that fall back to
 * an ordinary read on {@link NotInMemory}. Thread-safe as long as the store stays open.
 */
public final class MemoryReader implements KeyValueReader {
    private final CollectionStore store;

    public MemoryReader(CollectionStore store) {
        this.store = store;
    }

    @Override
    public CollectionStore store() {
        return store;
    }

    @Override
    public byte[] get(ColumnFamilyHandle family, byte[] key) {
        try {
            return store.db().get(family, Options.MEMORY_ONLY, key);
        } catch (RocksDBException e) {
            Status s = e.getStatus();
            if (s != null && s.getCode() == Status.Code.Incomplete) {
                throw NotInMemory.INSTANCE;
            }
            throw StorageErrors.wrap("read", e);
        }
    }

    /** Always throws {@link NotInMemory}: a scan may need blocks that are not cached. */
    @Override
    public Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to) {
        throw NotInMemory.INSTANCE;
    }

    /** A read that the memtables and block cache cannot answer. Carries no stack trace: it is expected, not a fault. */
    public static final class NotInMemory extends RuntimeException {
        static final NotInMemory INSTANCE = new NotInMemory();

        private NotInMemory() {
            super("not in memory", null, false, false);
        }
    }

    /** The read options, shared (RocksDB only reads them), created once the native library is loaded. */
    private static final class Options {
        static final ReadOptions MEMORY_ONLY;

        static {
            RocksDB.loadLibrary();
            MEMORY_ONLY = new ReadOptions().setReadTier(ReadTier.BLOCK_CACHE_TIER);
        }
    }
}
