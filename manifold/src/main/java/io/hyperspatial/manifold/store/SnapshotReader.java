package io.hyperspatial.manifold.store;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

import java.util.Collections;
import java.util.List;

/**
 * Reads from a RocksDB snapshot taken at construction, so every read sees the same committed
 * state across all tables. Owns the snapshot: close it. Not thread-safe.
 */
public final class SnapshotReader implements KeyValueReader, AutoCloseable {
    private final CollectionStore store;
    private final Snapshot snapshot;
    private final ReadOptions readOptions;

    public SnapshotReader(CollectionStore store) {
        this.store = store;
        this.snapshot = store.db().getSnapshot();
        this.readOptions = new ReadOptions().setSnapshot(snapshot);
    }

    @Override
    public CollectionStore store() {
        return store;
    }

    @Override
    public byte[] get(ColumnFamilyHandle family, byte[] key) {
        try {
            return store.db().get(family, readOptions, key);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("read", e);
        }
    }

    /** One RocksDB multi-get: a batch of point reads costs one native call, not one per key. */
    @Override
    public List<byte[]> getAll(ColumnFamilyHandle family, List<byte[]> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        try {
            return store.db().multiGetAsList(readOptions, Collections.nCopies(keys.size(), family), keys);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("read", e);
        }
    }

    @Override
    public Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to) {
        return new Cursor(store.db().newIterator(family, readOptions), from, to);
    }

    /** The RocksDB sequence number this snapshot reads at. */
    public long rocksSequence() {
        return snapshot.getSequenceNumber();
    }

    @Override
    public void close() {
        readOptions.close();
        store.db().releaseSnapshot(snapshot);
        snapshot.close();
    }
}
