package io.hyperspatial.server.operation;

import io.hyperspatial.manifold.Collection;

/**
 * What compacting a collection did: how long it took and the collection's size on disk before
 * and after (memtables flushed, every table rewritten into one sorted run; the size after can be
 * larger than before when the memtables held much, smaller after deletes or overwrites; files
 * that open snapshots still read are counted until those close). The server's endpoints and the
 * command line's {@code compact} both run {@link #of}.
 *
 * @param collection      the collection's name
 * @param nanos           the time the compaction took
 * @param diskBytesBefore the collection directory's size when it started
 * @param diskBytesAfter  its size when it ended
 */
public record Compaction(String collection, long nanos, long diskBytesBefore, long diskBytesAfter) {
    /**
     * Compacts {@code c} ({@link Collection#compact}) and says what it did; returns when done.
     * Reads and writes of the collection go on meanwhile.
     */
    public static Compaction of(Collection c) {
        long before = c.stats().diskBytes();
        long start = System.nanoTime();
        c.compact();
        long nanos = System.nanoTime() - start;
        return new Compaction(c.name(), nanos, before, c.stats().diskBytes());
    }

    /** The time taken, in seconds to the millisecond (so JSON shows {@code 0.014}, not {@code 1.3858258E-2}). */
    public double seconds() {
        return Math.round(nanos / 1e6) / 1e3;
    }
}
