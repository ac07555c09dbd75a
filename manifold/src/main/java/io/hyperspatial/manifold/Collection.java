package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFeed;
import io.hyperspatial.manifold.feed.SequenceTracker;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Directories;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.store.KeyDeletes;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.MemoryReader;
import io.hyperspatial.manifold.store.SnapshotReaderPool;
import io.hyperspatial.manifold.store.StorageErrors;
import io.hyperspatial.manifold.store.StoreAccess;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.EntityTable;
import io.hyperspatial.manifold.table.MeasureRetention;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A named collection of entities: one RocksDB instance in its own directory. The store is opened
 * on first use and closed again after the database's idle timeout when nothing holds it (no open
 * {@link ReadView} or {@link Transaction}); the next use reopens it transparently.
 *
 * <p>Writes go through {@link #write}: one {@link Transaction} per logical operation, retried on
 * optimistic conflicts. Thread-safe.
 */
public final class Collection implements StoreAccess {
    private final Database database;
    private final String name;
    private final Path dir;
    private final ChangeFeed feed;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Object schemaLock = new Object();
    /**
     * Shared by {@link #write} calls; one that lost {@link #EXCLUSIVE_AFTER_CONFLICTS} conflicts takes it
     * exclusively. Without it a loser keeps losing to writers that start again at once (observed:
     * 4 threads incrementing one property, some writes lost 20-40 times in a row).
     */
    private final ReentrantReadWriteLock writeGate = new ReentrantReadWriteLock();
    private static final int EXCLUSIVE_AFTER_CONFLICTS = 8;
    private final AtomicBoolean unsynced = new AtomicBoolean();
    /** Snapshot readers handed from one {@link #snapshot} to the next while nothing is written. */
    private final SnapshotReaderPool readers = new SnapshotReaderPool();
    private CollectionStore store;
    private int leases;
    private long lastUsedNanos = System.nanoTime();
    private boolean closed;

    private volatile Schema schema;
    private volatile EntityIds ids;
    private volatile SequenceTracker tracker;
    private volatile long trimmedThrough;
    /** See {@link BulkHistory}; set and used under the exclusive write gate, cleared by any other commit. */
    private volatile BulkHistory bulkHistory;

    Collection(Database database, String name, Path dir) {
        this.database = database;
        this.name = name;
        this.dir = dir;
        this.feed = new ChangeFeed(name, this, this::tracker, () -> trimmedThrough);
    }

    public String name() {
        return name;
    }

    /**
     * Maps user keys to this collection's entity ids. The namespace is the name the collection
     * was created with (kept in its meta), so a copy restored under another name still maps each
     * key to the entity it already holds.
     */
    public EntityIds ids() {
        ensureLoaded();
        return ids;
    }

    /** The current schema. */
    public Schema schema() {
        ensureLoaded();
        return schema;
    }

    public ChangeFeed changes() {
        return feed;
    }

    // ---- writes ---------------------------------------------------------------------------

    /** Runs {@code work} in a transaction and commits it with {@link Durability#STRICT}; see {@link #write(Durability, Consumer)}. */
    public long write(Consumer<Transaction> work) {
        return write(Durability.STRICT, work);
    }

    /**
     * Runs {@code work} in a transaction and commits it atomically; if the commit loses an
     * optimistic conflict, runs {@code work} again on a fresh snapshot (up to the database's
     * retry budget), so {@code work} must have no effects outside the transaction. After
     * {@value #EXCLUSIVE_AFTER_CONFLICTS} lost conflicts the work is re-run while other
     * {@code write} calls on this collection wait, so a hot entity cannot starve a writer.
     *
     * @return the change-feed sequence number of the commit
     */
    public long write(Durability durability, Consumer<Transaction> work) {
        int retries = database.options().transactionRetries();
        for (int attempt = 0; ; attempt++) {
            // a write nested in another's work already holds the gate shared and cannot upgrade it
            boolean exclusive = attempt >= EXCLUSIVE_AFTER_CONFLICTS && writeGate.getReadHoldCount() == 0;
            Lock gate = exclusive ? writeGate.writeLock() : writeGate.readLock();
            gate.lock();
            try (Transaction tx = begin(durability)) {
                work.accept(tx);
                return tx.commit();
            } catch (ConflictException e) {
                if (e.code() != ErrorCode.TRANSACTION_CONFLICT || attempt >= retries) {
                    throw e;
                }
            } finally {
                gate.unlock();
            }
            backoff(attempt);
        }
    }

    /**
     * Runs {@code work} as one atomic write made for bulk loads, and commits it with
     * {@code durability}: the rows go to a plain RocksDB write batch (with the write-ahead log, so
     * it survives a crash whole or not at all, and one change event like any commit) instead of an
     * indexed optimistic transaction, which makes large batches several times cheaper to build and
     * commit. There is no conflict detection; instead the call holds the collection's write gate
     * exclusively, so {@link #write} calls wait for it (transactions begun by hand are not held
     * back and must not touch the same entities meanwhile). Inside, {@link Transaction#deleteEntity},
     * {@link Transaction#removeVector} and {@link Transaction#removeEdge} are refused: reads see the
     * snapshot and the headers written so far, not the transaction's other rows. Successive bulk
     * writes into a collection that held no entity and no edge at the first of them, with no other
     * commit in between, do not read the headers and prior edges of entities they prove new
     * ({@code BulkHistory}).
     *
     * @return the change-feed sequence number of the commit
     */
    public long bulkWrite(Durability durability, Consumer<Transaction> work) {
        Lock gate = writeGate.writeLock();
        gate.lock();
        try {
            Lease lease = acquire();
            Transaction bulk;
            try {
                bulk = new Transaction(this, lease, schema, tracker, durability, true);
            } catch (RuntimeException e) {
                lease.close();
                throw e;
            }
            try (Transaction tx = bulk) {
                BulkHistory history = bulkHistory(lease.store(), tx);
                tx.useHistory(history);
                work.accept(tx);
                long sequence = tx.commit();
                if (history != null) {
                    history.committed(sequence);
                }
                return sequence;
            }
        } finally {
            gate.unlock();
        }
    }

    /**
     * The history of bulk writes that still describes the snapshot {@code bulk} just took, a new
     * one if that snapshot holds no entity and no edge with no commit in flight, else none.
     * Called under the write gate.
     */
    private BulkHistory bulkHistory(CollectionStore store, Transaction bulk) {
        BulkHistory h = bulkHistory;
        SequenceTracker t = tracker;
        // read after the snapshot: a commit that reached it had begun, so lastBegun counts it
        long lastBegun = t.lastBegun();
        if (h != null && h.continues(store, lastBegun)) {
            return h;
        }
        bulkHistory = null;
        if (t.idle() && t.lastBegun() == lastBegun && bulk.snapshotHasNoEntitiesOrEdges()) {
            bulkHistory = new BulkHistory(store, lastBegun);
        }
        return bulkHistory;
    }

    /** The current bulk-write history, if any (tests). */
    BulkHistory bulkHistory() {
        return bulkHistory;
    }

    /** Starts a transaction to commit by hand; the caller retries on {@link ErrorCode#TRANSACTION_CONFLICT}. */
    public Transaction begin(Durability durability) {
        Lease lease = acquire();
        try {
            return new Transaction(this, lease, schema, tracker, durability, false);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Applies a schema change. Changes are additive and idempotent; an incompatible redefinition
     * fails with {@link ErrorCode#SCHEMA_CONFLICT} and changes nothing. A change that adds or drops
     * property indexes or drops entity types builds or deletes index entries in the same commit, one
     * that drops edge types deletes their edges, while other {@link #write} calls on the collection wait.
     *
     * @return the schema in force afterwards
     */
    public Schema updateSchema(Consumer<SchemaEditor> change) {
        return updateSchema(change, null);
    }

    /**
     * Applies a schema change and the writes of {@code work} as one commit: both or neither, also
     * across a crash. The work runs first, validated against the current schema (so it can delete
     * the entities of a type the change drops, or write an entity of an existing type that records
     * what the change means); the change is staged after it and sees its writes. Other
     * {@link #write} calls on the collection wait meanwhile. A failure of either (an exception of
     * the work, a refused change) rolls everything back. Not retried: a conflict with a transaction
     * begun by hand fails with {@link ErrorCode#TRANSACTION_CONFLICT}.
     *
     * @param work the writes to commit with the change, or null for none
     * @return the schema in force afterwards
     */
    public Schema updateSchema(Consumer<SchemaEditor> change, Consumer<Transaction> work) {
        synchronized (schemaLock) {
            Schema current = schema();
            SchemaEditor editor = current.edit();
            change.accept(editor);
            Schema next = editor.build();
            if (next == current && work == null) {
                return current;
            }
            // building or dropping index entries, or writing beside the change, must not race writers still on the old schema
            boolean exclusive = (work != null || IndexBuild.needed(current, next) || EdgeTypeDrop.needed(current, next))
                    && writeGate.getReadHoldCount() == 0;
            if (exclusive) {
                writeGate.writeLock().lock();
            }
            try (Transaction tx = begin(Durability.STRICT)) {
                if (work != null) {
                    work.accept(tx);
                }
                if (next != current) {
                    tx.stageSchema(next);
                }
                tx.commit();
            } finally {
                if (exclusive) {
                    writeGate.writeLock().unlock();
                }
            }
            return schema;
        }
    }

    void committed(Durability durability, Schema newSchema, boolean bulk) {
        if (!bulk) {
            bulkHistory = null; // it no longer describes the collection; let its memory go now
        }
        if (newSchema != null) {
            schema = newSchema;
        }
        if (durability == Durability.BATCH) {
            unsynced.set(true);
        }
    }

    private static void backoff(int attempt) {
        long maxMicros = 50L << Math.min(attempt, 8);
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(maxMicros));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.CLOSED, "interrupted while retrying a transaction");
        }
    }

    // ---- reads ----------------------------------------------------------------------------

    /** A consistent snapshot of every table; close it. */
    public ReadView snapshot() {
        Lease lease = acquire();
        try {
            return new ReadView(lease, schema, tracker.visible(), readers);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * The entities among {@code ids} as last committed, read without waiting: no snapshot, no
     * opening of a closed store, no queueing for the collection's lock, and rows from memory only
     * ({@link MemoryReader}). Empty when that is not possible (the store is closed or busy, or a
     * row is on disk and not cached): read through a {@link #snapshot} then. Ids without an
     * entity are absent from the map. Each row is read at its own moment.
     */
    public Optional<Map<UUID, Entity>> entitiesInMemory(List<UUID> ids) {
        Optional<Lease> lease = tryAcquire();
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try (Lease l = lease.get()) {
            EntityTable table = new EntityTable(new MemoryReader(l.store()), schema);
            Map<UUID, Entity> out = HashMap.newHashMap(ids.size());
            for (UUID id : ids) {
                table.get(id).ifPresent(e -> out.put(id, e));
            }
            return Optional.of(out);
        } catch (MemoryReader.NotInMemory e) {
            return Optional.empty();
        }
    }

    /** Runs {@code query} on a snapshot and closes it. */
    public <T> T read(Function<ReadView, T> query) {
        try (ReadView view = snapshot()) {
            return query.apply(view);
        }
    }

    public CollectionStats stats() {
        ensureLoaded();
        lock.lock();
        try {
            boolean open = store != null;
            long entities = open ? store.longProperty(ColumnFamilies.ENTITIES, "rocksdb.estimate-num-keys") : -1;
            long memtables = open ? store.longPropertyAll("rocksdb.cur-size-all-mem-tables") : 0;
            return new CollectionStats(name, open, entities, tracker.visible(), trimmedThrough, schema.revision(),
                    Directories.size(dir), memtables);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Compacts the collection's storage into one sorted run per table, for after a bulk load or
     * a large delete. Until RocksDB's own compaction triggers (at 4 files in level 0), a bulk
     * load leaves up to 3 flushed files in level 0 besides the bottom level, and every seek (every
     * property read, every index lookup) positions in each of them. Reads and writes continue
     * meanwhile (1M benchmark rows, about 110 MB on disk, took 2.6 s).
     */
    public void compact() {
        try (Lease lease = acquire()) {
            lease.store().compactAll();
        }
        // Kept snapshot readers would pin the files the compaction replaced.
        readers.clear();
    }

    // ---- backup ---------------------------------------------------------------------------

    /**
     * Writes a consistent copy of the collection to {@code target} (which must not exist) while
     * reads and writes continue. Files are hard-linked where the file system allows. The copy is
     * restored with {@link Database#restoreCollection}.
     */
    public void backup(Path target) {
        if (Files.exists(target)) {
            throw new StorageException(ErrorCode.STORAGE_IO, "backup target " + target + " already exists");
        }
        try (Lease lease = acquire(); Checkpoint checkpoint = Checkpoint.create(lease.store().db())) {
            lease.store().syncWal();
            checkpoint.createCheckpoint(target.toAbsolutePath().toString());
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("backup of collection '" + name + "' to " + target, e);
        }
    }

    // ---- store lifecycle ------------------------------------------------------------------

    @Override
    public Lease acquire() {
        return acquire(true);
    }

    /** A lease; {@code use} false for maintenance, which must not keep an idle collection open. */
    private Lease acquire(boolean use) {
        lock.lock();
        try {
            if (closed) {
                throw new StorageException(ErrorCode.CLOSED, "collection '" + name + "' is closed");
            }
            if (store == null) {
                openStore();
            }
            return lease(use);
        } finally {
            lock.unlock();
        }
    }

    /** A lease if one can be had without waiting: the store is open and its lock free; releasing it still takes the lock briefly. */
    private Optional<Lease> tryAcquire() {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return closed || store == null ? Optional.empty() : Optional.of(lease(true));
        } finally {
            lock.unlock();
        }
    }

    /** A new lease on the open store; the caller holds the lock. */
    private Lease lease(boolean use) {
        leases++;
        if (use) {
            lastUsedNanos = System.nanoTime();
        }
        CollectionStore s = store;
        return new Lease() {
            private boolean released;

            @Override
            public CollectionStore store() {
                return s;
            }

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    release(use);
                }
            }
        };
    }

    private void release(boolean use) {
        lock.lock();
        try {
            leases--;
            if (use) {
                lastUsedNanos = System.nanoTime();
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void openStore() {
        CollectionStore s = CollectionStore.open(dir, database.options(), database.shared(), false);
        try {
            CollectionMeta.checkFormat(s);
            FormatMigration.upgrade(s);
            schema = CollectionMeta.schema(s);
            ids = new EntityIds(CollectionMeta.createdName(s).orElse(name));
            trimmedThrough = CollectionMeta.trimmedThrough(s);
            if (tracker == null) {
                tracker = new SequenceTracker(CollectionMeta.lastSequence(s));
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        store = s;
    }

    private SequenceTracker tracker() {
        ensureLoaded();
        return tracker;
    }

    private void ensureLoaded() {
        if (tracker == null) {
            acquire().close();
        }
    }

    /** Whether the store is open now. */
    public boolean isOpen() {
        lock.lock();
        try {
            return store != null;
        } finally {
            lock.unlock();
        }
    }

    // ---- maintenance (called by the database's maintenance thread) --------------------------

    /** Closes the snapshot readers kept longer than they may be handed on (they pin files). */
    void expireReaders(long nowNanos) {
        readers.expire(nowNanos);
    }

    /** Closes the store if unused for {@code idleNanos}; returns whether it closed. */
    boolean closeIfIdle(long nowNanos, long idleNanos) {
        lock.lock();
        try {
            if (store == null || leases > 0 || idleNanos <= 0 || nowNanos - lastUsedNanos < idleNanos) {
                return false;
            }
            readers.clear();
            store.close();
            store = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** fsyncs the WAL if {@link Durability#BATCH} writes were acknowledged since the last sync. */
    void syncIfNeeded() {
        if (unsynced.getAndSet(false)) {
            withOpenStore(CollectionStore::syncWal);
        }
    }

    /** Trims the change feed to its retention and applies measure retention, if the store is open. */
    void applyRetention(long nowMillis) {
        withOpenStore(s -> {
            trimFeed(s);
            MeasureRetention.apply(s, schema, nowMillis);
        });
    }

    /**
     * Deletes the change events at or below {@code visible - changeRetention}. Readers are told
     * first ({@link #trimmedThrough} moves before any event goes, so none resumes into a gap),
     * and each write of deletions records the highest sequence it removed, so after a crash the
     * stored mark still covers every removed event and the next trim carries on from it.
     */
    private void trimFeed(CollectionStore s) {
        long cutoff = tracker.visible() - database.options().changeRetention();
        long from = trimmedThrough;
        if (cutoff <= from) {
            return;
        }
        trimmedThrough = cutoff;
        ColumnFamilyHandle meta = s.family(ColumnFamilies.META);
        WriteOptions options = s.writeOptions(Durability.ASYNC);
        try (KeyDeletes deletes = s.keyDeletes(options, (batch, last) -> batch.put(meta, CollectionMeta.TRIMMED_KEY, last));
             WriteBatch mark = new WriteBatch()) {
            deletes.deleteRange(s.family(ColumnFamilies.CHANGES), ChangeEvent.key(from + 1), ChangeEvent.key(cutoff + 1));
            deletes.finish();
            mark.put(meta, CollectionMeta.TRIMMED_KEY, CollectionMeta.int64(cutoff));
            s.writeUnchecked(options, mark);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("trim change feed of '" + name + "'", e);
        }
    }

    /** Runs {@code action} with the store only if it is open now (never opens a cold collection). */
    private void withOpenStore(Consumer<CollectionStore> action) {
        Lease lease;
        lock.lock();
        try {
            if (store == null || closed) {
                return;
            }
            lease = acquire(false);
        } finally {
            lock.unlock();
        }
        try (lease) {
            action.accept(lease.store());
        }
    }

    /**
     * Closes the store for good, waiting up to {@code timeoutMillis} for open views and
     * transactions to finish. Returns false (and leaves the store open rather than pull it from
     * under a reader) if they do not.
     */
    boolean close(long timeoutMillis) {
        lock.lock();
        try {
            closed = true;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (leases > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    released.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (store != null) {
                readers.clear();
                store.close();
                store = null;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    Path dir() {
        return dir;
    }
}
