package io.hyperspatial.manifold.store;

import org.rocksdb.RocksIterator;

import java.util.Arrays;

/**
 * A forward cursor over a key range of one column family. Call {@link #next()} before the first
 * entry. Owns its native iterator: close it. Not thread-safe.
 */
public final class Cursor implements AutoCloseable {
    private final RocksIterator it;
    private final byte[] to;
    private boolean started;

    public Cursor(RocksIterator it, byte[] from, byte[] to) {
        this.it = it;
        this.to = to;
        it.seek(from);
    }

    /** Advances to the next entry; false at the end of the range. */
    public boolean next() {
        if (started) {
            it.next();
        }
        started = true;
        return it.isValid() && (to == null || Arrays.compareUnsigned(it.key(), to) < 0);
    }

    /**
     * Repositions at the first key at or after {@code key} (which should lie in the cursor's range);
     * the next call to {@link #next()} reads that entry. Cheaper than a new cursor: the native
     * iterator and its pinned view are reused.
     */
    public void seek(byte[] key) {
        it.seek(key);
        started = false;
    }

    public byte[] key() {
        return it.key();
    }

    public byte[] value() {
        return it.value();
    }

    @Override
    public void close() {
        it.close();
    }
}
