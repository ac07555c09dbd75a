package io.hyperspatial.manifold.store;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Deletes ranges of keys one key at a time, staged in batches of at most {@link #CHUNK} keys and
 * written straight to the base DB, for the families that retention trims (change feed, measures).
 * A range deletion would be one tombstone, but RocksDB refuses range deletions in any write while
 * the row cache is on ({@link SharedResources}). Before each write, the {@link BeforeWrite} hook
 * gets the batch and the last key it deletes, so a caller can record its progress in the same
 * atomic write. Not thread-safe; {@link #finish} writes what is staged, {@link #close} frees it.
 */
public final class KeyDeletes implements AutoCloseable {
    /** The most keys one write deletes. */
    public static final int CHUNK = 10_000;

    /** Called before each write with the batch and the last key it deletes. */
    @FunctionalInterface
    public interface BeforeWrite {
        /** Records nothing. */
        BeforeWrite NONE = (batch, lastKey) -> { };

        void accept(WriteBatch batch, byte[] lastKey) throws RocksDBException;
    }

    private final RocksDB db;
    private final WriteOptions options;
    private final BeforeWrite beforeWrite;
    private final WriteBatch batch = new WriteBatch();
    private int pending;
    private byte[] lastKey;
    private long deleted;

    KeyDeletes(RocksDB db, WriteOptions options, BeforeWrite beforeWrite) {
        this.db = db;
        this.options = options;
        this.beforeWrite = beforeWrite;
    }

    /** Stages a delete of every key of {@code family} in [{@code from}, {@code to}), writing full batches. */
    public void deleteRange(ColumnFamilyHandle family, byte[] from, byte[] to) throws RocksDBException {
        try (Slice upper = new Slice(to);
             ReadOptions read = new ReadOptions().setIterateUpperBound(upper).setFillCache(false);
             RocksIterator it = db.newIterator(family, read)) {
            for (it.seek(from); it.isValid(); it.next()) {
                lastKey = it.key();
                batch.delete(family, lastKey);
                if (++pending == CHUNK) {
                    write();
                }
            }
            it.status();
        }
    }

    /** Writes what is staged; returns how many keys were deleted in all. */
    public long finish() throws RocksDBException {
        if (pending > 0) {
            write();
        }
        return deleted;
    }

    private void write() throws RocksDBException {
        beforeWrite.accept(batch, lastKey);
        db.write(options, batch);
        deleted += pending;
        pending = 0;
        batch.clear();
    }

    @Override
    public void close() {
        batch.close();
    }
}
