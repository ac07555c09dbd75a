package io.hyperspatial.manifold.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Snapshot readers handed from one read of a collection to the next while nothing has been
 * written since they were taken. A short read (a point lookup by key) otherwise pays more for its
 * snapshot than for its rows: taking and releasing a RocksDB snapshot locks the database's mutex
 * twice, and each new reader creates its native iterators again. A kept reader brings its idle
 * iterators along ({@link SnapshotReader}).
 *
 * <p>A reader is taken over only if RocksDB's latest sequence number still equals its snapshot's,
 * i.e. it sees exactly what a new snapshot would. Since a kept reader pins the memtables and files
 * it reads (a compaction cannot free them), it is kept at most {@link #MAX_AGE_NANOS} and
 * {@link #expire} closes older ones; at most {@link #MAX_IDLE} are kept, one per concurrent
 * reader. Thread-safe: a reader belongs to one thread between {@link #take} and {@link #give}.
 */
public final class SnapshotReaderPool {
    /** Readers kept at most: about the number of threads reading one collection at once. */
    static final int MAX_IDLE = 8;
    /** How long a reader may be handed on after its snapshot was taken. */
    static final long MAX_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Most recently given back first. */
    private final ArrayDeque<SnapshotReader> idle = new ArrayDeque<>(MAX_IDLE);

    /**
     * A reader of {@code store}'s latest committed state: a kept one when nothing was written since
     * its snapshot, else a new one. The caller holds a lease on the store.
     */
    public SnapshotReader take(CollectionStore store) {
        long latest = store.db().getLatestSequenceNumber();
        long now = System.nanoTime();
        SnapshotReader found = null;
        List<SnapshotReader> stale = new ArrayList<>(0);
        synchronized (this) {
            for (Iterator<SnapshotReader> it = idle.iterator(); it.hasNext(); ) {
                SnapshotReader r = it.next();
                it.remove();
                if (r.store() == store && r.rocksSequence() == latest && now - r.createdNanos() < MAX_AGE_NANOS) {
                    found = r;
                    break;
                }
                // Written since, or too old: no later read can use it either.
                stale.add(r);
            }
        }
        stale.forEach(SnapshotReader::close);
        return found != null ? found : new SnapshotReader(store);
    }

    /**
     * Takes back a reader its thread is done with (its store still leased): kept if it may serve
     * another read, else closed.
     */
    public void give(SnapshotReader reader) {
        if (reader.reusable() && System.nanoTime() - reader.createdNanos() < MAX_AGE_NANOS) {
            synchronized (this) {
                if (idle.size() < MAX_IDLE) {
                    idle.push(reader);
                    return;
                }
            }
        }
        reader.close();
    }

    /** Closes the kept readers taken at or before {@code nowNanos − MAX_AGE_NANOS}. */
    public void expire(long nowNanos) {
        List<SnapshotReader> old = new ArrayList<>(0);
        synchronized (this) {
            idle.removeIf(r -> nowNanos - r.createdNanos() >= MAX_AGE_NANOS && old.add(r));
        }
        old.forEach(SnapshotReader::close);
    }

    /** Closes every kept reader; before their store closes, or when what they pin should go. */
    public void clear() {
        List<SnapshotReader> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(SnapshotReader::close);
    }

    /** Readers kept now (for tests). */
    synchronized int idle() {
        return idle.size();
    }
}
