package io.hyperspatial.manifold.store;

import org.rocksdb.RocksIterator;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A forward cursor over a key range of one column family. Call {@link #next()} before the first
 * entry. The first seek, to the range's start, happens at that first call, so a cursor
 * {@linkplain #seek repositioned} before it seeks once. Owns its native iterator (or hands it back
 * to its reader, see {@link SnapshotReader}): close it. Not thread-safe.
 */
public final class Cursor implements AutoCloseable {
    private final RocksIterator it;
    private final byte[] to;
    private final Consumer<RocksIterator> release;
    private byte[] pendingSeek;
    private boolean started;
    /** The current entry's key once read (the range check reads it), so {@link #key()} costs no second native call. */
    private byte[] key;
    private boolean closed;

    /** A cursor from {@code from} (inclusive) to {@code to} (exclusive; null: the family's end) that closes {@code it}. */
    public Cursor(RocksIterator it, byte[] from, byte[] to) {
        this(it, from, to, RocksIterator::close);
    }

    /** As above, but on close hands {@code it} to {@code release} instead of closing it. */
    Cursor(RocksIterator it, byte[] from, byte[] to, Consumer<RocksIterator> release) {
        this.it = it;
        this.to = to;
        this.release = release;
        this.pendingSeek = from;
    }

    /** Advances to the next entry; false at the end of the range. */
    public boolean next() {
        if (pendingSeek != null) {
            it.seek(pendingSeek);
            pendingSeek = null;
        } else if (started) {
            it.next();
        }
        started = true;
        key = null;
        return it.isValid() && (to == null || Arrays.compareUnsigned(key(), to) < 0);
    }

    /**
     * Repositions at the first key at or after {@code key} (which should lie in the cursor's range);
     * the next call to {@link #next()} reads that entry. Cheaper than a new cursor: the native
     * iterator and its pinned view are reused.
     */
    public void seek(byte[] target) {
        it.seek(target);
        pendingSeek = null;
        started = false;
        key = null;
    }

    /** The current entry's key; the same array until the cursor moves. */
    public byte[] key() {
        if (key == null) {
            key = it.key();
        }
        return key;
    }

    public byte[] value() {
        return it.value();
    }

    /**
     * Copies the current entry's value into the start of {@code into} without allocating, and returns
     * the value's whole length: when that exceeds {@code into.length}, only a prefix was copied and
     * the caller reads again into a larger array.
     */
    public int valueInto(byte[] into) {
        return it.value(into, 0, into.length);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.accept(it);
        }
    }
}
