package io.hyperspatial.bench.storage;

import java.util.List;
import java.util.UUID;

/**
 * One system under test holding one data set: a manifold collection, or a plain RocksDB instance
 * written with the same rows. The measurements only call this interface, so both sides run the
 * same loops. Writes are thread-safe; readers are not.
 */
interface StorageTarget extends AutoCloseable {

    /** Short name used in the report ({@code ours} or {@code raw_rocksdb}). */
    String name();

    /** Writes one entity (header, 5 properties, edge to its predecessor) as one atomic commit. */
    void commit(EntitySpec entity, boolean sync);

    /** Writes many entities as one atomic commit. */
    void commitBatch(List<EntitySpec> entities, boolean sync);

    /** A reader of entity headers and properties; close it. */
    EntityReader reader(ReadMode mode);

    /** WAL write and sync counts of the underlying RocksDB instance since it was opened. */
    WalStats walStats();

    /** Waits until RocksDB has no flush or compaction running or pending; returns the nanoseconds waited. */
    long awaitBackgroundWork();

    /** The shape of the underlying RocksDB instance now (see {@link StoreState}). */
    JsonObject storeState();

    /** Bytes of the store's directory on disk. */
    long diskBytes();

    @Override
    void close();

    /** How a reader sees the data. */
    enum ReadMode {
        /** A fresh consistent view per read (manifold: {@code collection.read}); raw: plain reads. */
        PER_READ,
        /** One view reused by every read until the reader is closed (manifold: one {@code ReadView}). */
        SHARED_VIEW
    }

    /** Reads one entity; not thread-safe. */
    interface EntityReader extends AutoCloseable {
        /** Reads the header and every property of {@code id}; returns the number of properties, -1 if absent. */
        int read(UUID id);

        @Override
        void close();
    }
}
