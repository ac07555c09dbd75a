package io.hyperspatial.manifold;

import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.Cursor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.util.Collections;
import java.util.List;

/**
 * Where a {@link Transaction} stages its rows and how it reads: an optimistic RocksDB transaction
 * ({@link Tracked}: reads see the snapshot plus the transaction's own writes, entity headers are
 * tracked for conflicts, commit validates), or a plain write batch for bulk loads ({@link Plain}:
 * reads see the snapshot only, nothing is tracked, commit is one {@code write} of the batch). Both
 * write the write-ahead log, so a committed batch survives a crash whole or not at all. Owned by
 * one transaction; not thread-safe.
 */
sealed interface RowBuffer extends AutoCloseable permits RowBuffer.Tracked, RowBuffer.Plain {
    /** Snapshot reads (for reads that must not see this transaction's own writes). */
    ReadOptions snapshotReads();

    byte[] get(ColumnFamilyHandle family, byte[] key) throws RocksDBException;

    Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to);

    /** Reads an entity header and, when tracked, adds it to the conflict set. */
    byte[] getHeader(ColumnFamilyHandle family, byte[] key) throws RocksDBException;

    /** {@link #getHeader} for many keys at once. */
    List<byte[]> getHeaders(ColumnFamilyHandle family, List<byte[]> keys) throws RocksDBException;

    /** Writes or deletes an entity header (tracked for conflicts when the buffer tracks). */
    void putHeader(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException;

    void deleteHeader(ColumnFamilyHandle family, byte[] key) throws RocksDBException;

    void put(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException;

    void delete(ColumnFamilyHandle family, byte[] key) throws RocksDBException;

    /** Whether reads see this buffer's own writes (what deletes and removals need). */
    boolean readsOwnWrites();

    void commit() throws RocksDBException;

    void rollback() throws RocksDBException;

    @Override
    void close();

    /** An optimistic transaction of the store's {@code OptimisticTransactionDB}. */
    final class Tracked implements RowBuffer {
        private final org.rocksdb.Transaction txn;
        private final ReadOptions reads;

        Tracked(CollectionStore store, WriteOptions writeOptions) {
            this.txn = store.db().beginTransaction(writeOptions, store.transactionOptions());
            this.txn.setSnapshot();
            this.reads = new ReadOptions().setSnapshot(txn.getSnapshot());
        }

        @Override
        public ReadOptions snapshotReads() {
            return reads;
        }

        @Override
        public byte[] get(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
            return txn.get(reads, family, key);
        }

        @Override
        public Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to) {
            return new Cursor(txn.getIterator(reads, family), from, to);
        }

        @Override
        public byte[] getHeader(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
            return txn.getForUpdate(reads, family, key, true);
        }

        @Override
        public List<byte[]> getHeaders(ColumnFamilyHandle family, List<byte[]> keys) throws RocksDBException {
            return txn.multiGetForUpdateAsList(reads, Collections.nCopies(keys.size(), family), keys);
        }

        @Override
        public void putHeader(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException {
            txn.put(family, key, value);
        }

        @Override
        public void deleteHeader(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
            txn.delete(family, key);
        }

        @Override
        public void put(ColumnFamilyHandle family, byte[] key, byte[] value) throws RocksDBException {
            txn.putUntracked(family, key, value);
        }

        @Override
        public void delete(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
            txn.deleteUntracked(family, key);
        }

        @Override
        public boolean readsOwnWrites() {
            return true;
        }

        @Override
        public void commit() throws RocksDBException {
            txn.commit();
        }

        @Override
        public void rollback() throws RocksDBException {
            txn.rollback();
        }

        @Override
        public void close() {
            reads.close();
            txn.close();
        }
    }

    /**
     * A plain {@link WriteBatch} written in one call at commit, for bulk loads: no indexed batch and
     * no conflict check, which is what makes it cheaper. Rows are staged and reach the batch in key
     * order ({@link SortedRows}). The caller keeps other writers out.
     */
    final class Plain implements RowBuffer {
        private final CollectionStore store;
        private final WriteOptions writeOptions;
        private final Snapshot snapshot;
        private final ReadOptions reads;
        private final SortedRows rows = new SortedRows();

        Plain(CollectionStore store, WriteOptions writeOptions) {
            this.store = store;
            this.writeOptions = writeOptions;
            this.snapshot = store.db().getSnapshot();
            this.reads = new ReadOptions().setSnapshot(snapshot);
        }

        @Override
        public ReadOptions snapshotReads() {
            return reads;
        }

        @Override
        public byte[] get(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
            return store.db().get(family, reads, key);
        }

        @Override
        public Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to) {
            return new Cursor(store.db().newIterator(family, reads), from, to);
        }

        @Override
        public byte[] getHeader(ColumnFamilyHandle family, byte[] key) throws RocksDBException {
            return get(family, key);
        }

        @Override
        public List<byte[]> getHeaders(ColumnFamilyHandle family, List<byte[]> keys) throws RocksDBException {
            return store.db().multiGetAsList(reads, Collections.nCopies(keys.size(), family), keys);
        }

        @Override
        public void putHeader(ColumnFamilyHandle family, byte[] key, byte[] value) {
            rows.add(family, key, value);
        }

        @Override
        public void deleteHeader(ColumnFamilyHandle family, byte[] key) {
            rows.add(family, key, null);
        }

        @Override
        public void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
            rows.add(family, key, value);
        }

        @Override
        public void delete(ColumnFamilyHandle family, byte[] key) {
            rows.add(family, key, null);
        }

        @Override
        public boolean readsOwnWrites() {
            return false;
        }

        @Override
        public void commit() throws RocksDBException {
            try (WriteBatch batch = rows.drain()) {
                store.writeUnchecked(writeOptions, batch);
            }
        }

        @Override
        public void rollback() {
            rows.clear();
        }

        @Override
        public void close() {
            reads.close();
            store.db().releaseSnapshot(snapshot);
        }
    }
}
