package io.hyperspatial.manifold;

import io.hyperspatial.manifold.store.CollectionStore;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a run of {@link Collection#bulkWrite} calls has written into a collection that held no
 * entity and no edge when the first of them took its snapshot: the id of every entity they wrote
 * a header for or added an out-edge from, in a blocked Bloom filter.
 *
 * <p>While nothing but those bulk writes has begun a commit on the collection since (the next bulk
 * write checks the sequence numbers at its snapshot), an id the filter has never seen has no
 * header and no out-edges in that snapshot, so the bulk write knows it is new without reading it.
 * An import into a new collection otherwise reads every entity's header and every edge's prior
 * row, all absent, and each absent key is looked up in the memtables and every level's Bloom
 * filters: about a fifth of an import's writing thread on 1,000,000 entities. A false positive
 * (about 1% of unseen ids) only costs the read that would have happened anyway.
 *
 * <p>About 1.25 bytes per id, in segments that double as they fill; past {@link #MAX_IDS} ids the
 * history gives up and bulk writes read as before. Used by one bulk write at a time (the write
 * gate), handed from one to the next under it.
 */
final class BulkHistory {
    /** Ids remembered at most (about 21 MB of filter); beyond, reads are cheaper than the memory. */
    static final long MAX_IDS = 1L << 24;
    private static final int FIRST_SEGMENT_IDS = 1 << 16;
    /** Filter bits per id: with 512-bit blocks and {@link #PROBES} probes, about 1% false positives. */
    private static final int BITS_PER_ID = 10;
    private static final int PROBES = 6;
    private static final int BLOCK_LONGS = 8;

    private final CollectionStore store;
    private final List<Segment> segments = new ArrayList<>();
    private long lastSequence;
    private long ids;
    /** Reads a bulk write left out thanks to this history (for tests and curiosity). */
    private long readsSkipped;

    /** A history that starts at a snapshot of an empty collection, with every commit through {@code sequence} in it. */
    BulkHistory(CollectionStore store, long sequence) {
        this.store = store;
        this.lastSequence = sequence;
    }

    /** Whether the history still describes a bulk write's snapshot of {@code store} taken when {@code lastBegun} was the last commit begun. */
    boolean continues(CollectionStore current, long lastBegun) {
        return current == store && lastBegun == lastSequence && ids <= MAX_IDS;
    }

    /** The bulk write that used the history committed as {@code sequence}; nothing else began since. */
    void committed(long sequence) {
        lastSequence = sequence;
    }

    /** False only if {@code id} surely has neither a header nor an out-edge in the snapshot. */
    boolean mayExist(UUID id) {
        long h = hash(id);
        for (Segment s : segments) {
            if (s.mayContain(h)) {
                return true;
            }
        }
        return false;
    }

    /** Remembers that {@code id} got a header or an out-edge (before the commit is known to succeed: a false positive is harmless). */
    void add(UUID id) {
        Segment last = segments.isEmpty() ? null : segments.getLast();
        if (last == null || last.count >= last.capacity) {
            last = new Segment(last == null ? FIRST_SEGMENT_IDS : last.capacity * 2);
            segments.add(last);
        }
        last.add(hash(id));
        ids++;
    }

    void skipped(int reads) {
        readsSkipped += reads;
    }

    long readsSkipped() {
        return readsSkipped;
    }

    /** Ids may be anything a caller chose (sequential ones too), so they are mixed first. */
    private static long hash(UUID id) {
        long z = id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 32);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L; // splitmix64's finaliser
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A blocked Bloom filter: every probe of an id falls in one 512-bit block (one cache line). */
    private static final class Segment {
        final long capacity;
        final long[] bits;
        final int blocks;
        long count;

        Segment(long capacity) {
            this.capacity = capacity;
            this.blocks = (int) Math.max(1, capacity * BITS_PER_ID / (64 * BLOCK_LONGS));
            this.bits = new long[blocks * BLOCK_LONGS];
        }

        void add(long h) {
            int base = block(h);
            for (int i = 0; i < PROBES; i++) {
                int bit = bit(h, i);
                bits[base + (bit >>> 6)] |= 1L << bit;
            }
            count++;
        }

        boolean mayContain(long h) {
            int base = block(h);
            for (int i = 0; i < PROBES; i++) {
                int bit = bit(h, i);
                if ((bits[base + (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The first long of the id's block, from the hash's high 32 bits. */
        private int block(long h) {
            return (int) (((h >>> 32) * blocks) >>> 32) * BLOCK_LONGS;
        }

        /** Probe {@code i}'s bit within the block (0..511), from 9-bit slices of the low 32 bits and a step. */
        private static int bit(long h, int i) {
            int low = (int) h;
            return (low + i * ((low >>> 9) | 1)) & (64 * BLOCK_LONGS - 1);
        }
    }
}
