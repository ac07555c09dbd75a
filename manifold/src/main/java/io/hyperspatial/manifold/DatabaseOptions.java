package io.hyperspatial.manifold;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Database} uses memory, disk and threads. Start from a {@link StoragePreset} and
 * override with the {@code with…} methods; instances are immutable.
 *
 * @param blockCacheBytes     the block cache shared by every collection
 * @param rowCacheBytes       the row cache shared by every collection: point reads of rows in
 *                            table files, answered without a block search (0 turns it off)
 * @param writeBufferBytes    the memtable budget shared by every collection (flushes are forced beyond it)
 * @param memtableBytes       the size of one column family's memtable
 * @param backgroundJobs      flush and compaction threads per collection
 * @param bloomBitsPerKey     bloom filter bits per key for point lookups
 * @param idleClose           a collection unused this long is closed (reopened on next use); zero never closes
 * @param changeRetention     change-feed events kept per collection (the newest are kept)
 * @param batchSyncInterval   for {@link Durability#BATCH} writes: the WAL is fsynced at most this often
 * @param transactionRetries  how often {@link Collection#write} re-runs a transaction that lost a conflict
 */
public record DatabaseOptions(long blockCacheBytes, long rowCacheBytes, long writeBufferBytes, long memtableBytes, int backgroundJobs,
                              int bloomBitsPerKey, Duration idleClose, long changeRetention,
                              Duration batchSyncInterval, int transactionRetries) {

    public DatabaseOptions {
        Objects.requireNonNull(idleClose, "idleClose");
        Objects.requireNonNull(batchSyncInterval, "batchSyncInterval");
        positive(blockCacheBytes, "blockCacheBytes");
        if (rowCacheBytes < 0) {
            throw new IllegalArgumentException("rowCacheBytes must not be negative, got " + rowCacheBytes);
        }
        positive(writeBufferBytes, "writeBufferBytes");
        positive(memtableBytes, "memtableBytes");
        positive(backgroundJobs, "backgroundJobs");
        positive(bloomBitsPerKey, "bloomBitsPerKey");
        positive(changeRetention, "changeRetention");
        positive(batchSyncInterval.toMillis(), "batchSyncInterval");
        if (idleClose.isNegative()) {
            throw new IllegalArgumentException("idleClose must not be negative");
        }
        if (transactionRetries < 0) {
            throw new IllegalArgumentException("transactionRetries must not be negative");
        }
    }

    private static void positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    public static DatabaseOptions defaults() {
        return preset(StoragePreset.DEFAULT);
    }

    public static DatabaseOptions preset(StoragePreset p) {
        return new DatabaseOptions(p.blockCacheBytes, p.rowCacheBytes, p.writeBufferBytes, p.memtableBytes, p.backgroundJobs,
                p.bloomBitsPerKey, p.idleClose, 1_000_000, Duration.ofMillis(10), 16);
    }

    public DatabaseOptions withBlockCacheBytes(long v) {
        return new DatabaseOptions(v, rowCacheBytes, writeBufferBytes, memtableBytes, backgroundJobs, bloomBitsPerKey, idleClose,
                changeRetention, batchSyncInterval, transactionRetries);
    }

    public DatabaseOptions withRowCacheBytes(long v) {
        return new DatabaseOptions(blockCacheBytes, v, writeBufferBytes, memtableBytes, backgroundJobs, bloomBitsPerKey,
                idleClose, changeRetention, batchSyncInterval, transactionRetries);
    }

    public DatabaseOptions withWriteBufferBytes(long v) {
        return new DatabaseOptions(blockCacheBytes, rowCacheBytes, v, memtableBytes, backgroundJobs, bloomBitsPerKey, idleClose,
                changeRetention, batchSyncInterval, transactionRetries);
    }

    public DatabaseOptions withIdleClose(Duration v) {
        return new DatabaseOptions(blockCacheBytes, rowCacheBytes, writeBufferBytes, memtableBytes, backgroundJobs, bloomBitsPerKey, v,
                changeRetention, batchSyncInterval, transactionRetries);
    }

    public DatabaseOptions withChangeRetention(long v) {
        return new DatabaseOptions(blockCacheBytes, rowCacheBytes, writeBufferBytes, memtableBytes, backgroundJobs, bloomBitsPerKey,
                idleClose, v, batchSyncInterval, transactionRetries);
    }

    public DatabaseOptions withBatchSyncInterval(Duration v) {
        return new DatabaseOptions(blockCacheBytes, rowCacheBytes, writeBufferBytes, memtableBytes, backgroundJobs, bloomBitsPerKey,
                idleClose, changeRetention, v, transactionRetries);
    }

    public DatabaseOptions withTransactionRetries(int v) {
        return new DatabaseOptions(blockCacheBytes, rowCacheBytes, writeBufferBytes, memtableBytes, backgroundJobs, bloomBitsPerKey,
                idleClose, changeRetention, batchSyncInterval, v);
    }
}
