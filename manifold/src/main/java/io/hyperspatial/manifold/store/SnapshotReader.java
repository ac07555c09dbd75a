package io.hyperspatial.manifold.store;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads from a RocksDB snapshot taken at construction, so every read sees the same committed
 * state across all tables. A closed {@link Cursor}'s native iterator is kept (up to
 * {@value #IDLE_ITERATORS} per column family) and reused by the next {@link #scan} of its family,
 * which then costs a seek instead of creating an iterator (RocksDB's iterator setup walks every
 * memtable and level): a query that reads many rows one by one, each by its own short scan, pays
 * for iterators once. Kept iterators hold on to the files they read until this reader is closed,
 * as the snapshot does for its rows. Owns the snapshot and the iterators: close it. Not thread-safe,
 * except for the cursors of {@link #scanDetached}, which another thread may move.
 */
public final class SnapshotReader implements KeyValueReader, AutoCloseable {
    /** Iterators kept per column family: enough for the cursors a statement nests on one family. */
    static final int IDLE_ITERATORS = 4;

    private final CollectionStore store;
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    /** By identity: {@code ColumnFamilyHandle.hashCode} makes native calls (its name and id) on every lookup. */
    private final Map<ColumnFamilyHandle, ArrayDeque<RocksIterator>> idle = new IdentityHashMap<>();
    /** The snapshot's RocksDB sequence number, read once (the getter is a native call). */
    private final long sequence;
    private final long createdNanos = System.nanoTime();
    /** Cursors handed out and not yet closed. */
    private int openCursors;
    /** Cursors of {@link #scanDetached} not yet closed (they may be closed on other threads). */
    private final AtomicInteger detachedCursors = new AtomicInteger();
    private boolean closed;

    public SnapshotReader(CollectionStore store) {
        this.store = store;
        this.snapshot = store.db().getSnapshot();
        this.sequence = snapshot.getSequenceNumber();
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

    /**
     * One RocksDB multi-get: a batch of point reads costs one native call, not one per key. A
     * single key is a plain get, which skips the multi-get's lists on both sides of the call.
     */
    @Override
    public List<byte[]> getAll(ColumnFamilyHandle family, List<byte[]> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        if (keys.size() == 1) {
            return Collections.singletonList(get(family, keys.get(0)));
        }
        try {
            return store.db().multiGetAsList(readOptions, Collections.nCopies(keys.size(), family), keys);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("read", e);
        }
    }

    @Override
    public Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to) {
        ArrayDeque<RocksIterator> kept = idle.get(family);
        RocksIterator it = kept == null || kept.isEmpty() ? store.db().newIterator(family, readOptions) : kept.pop();
        openCursors++;
        return new Cursor(it, from, to, released -> keep(family, released));
    }

    /**
     * A cursor over {@code [from, to)} of {@code family} on a native iterator of its own, created now
     * on this snapshot, that a thread other than this reader's may move (one thread at a time, handed
     * over with a happens-before edge such as an executor's submit). It is not one of the kept
     * iterators: closing it, on any thread, closes its iterator. The end of the range is RocksDB's
     * upper bound of the iterator, so moving costs no key comparison on this side. Close it before
     * this reader.
     */
    public Cursor scanDetached(ColumnFamilyHandle family, byte[] from, byte[] to) {
        Slice upper = to == null ? null : new Slice(to);
        ReadOptions options = new ReadOptions().setSnapshot(snapshot);
        if (upper != null) {
            options.setIterateUpperBound(upper);
        }
        RocksIterator it = store.db().newIterator(family, options);
        detachedCursors.incrementAndGet();
        return new Cursor(it, from, null, released -> {
            released.close();
            options.close();
            if (upper != null) {
                upper.close();
            }
            detachedCursors.decrementAndGet();
        });
    }

    private void keep(ColumnFamilyHandle family, RocksIterator it) {
        openCursors--;
        ArrayDeque<RocksIterator> kept = idle.computeIfAbsent(family, f -> new ArrayDeque<>(IDLE_ITERATORS));
        if (closed || kept.size() >= IDLE_ITERATORS) {
            it.close();
        } else {
            kept.push(it);
        }
    }

    /** Native iterators kept for reuse, over all families (for tests). */
    int idleIterators() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /** The RocksDB sequence number this snapshot reads at. */
    public long rocksSequence() {
        return sequence;
    }

    /** When the snapshot was taken, in {@link System#nanoTime()}. */
    long createdNanos() {
        return createdNanos;
    }

    /** Whether another read may take this reader over: open, and every cursor it handed out closed. */
    boolean reusable() {
        return !closed && openCursors == 0 && detachedCursors.get() == 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        idle.values().forEach(kept -> kept.forEach(RocksIterator::close));
        idle.clear();
        readOptions.close();
        store.db().releaseSnapshot(snapshot);
        snapshot.close();
    }
}
