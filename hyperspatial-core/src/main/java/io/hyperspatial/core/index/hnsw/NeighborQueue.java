package io.hyperspatial.core.index.hnsw;

import java.util.Arrays;

/**
 * A binary heap of (ordinal, score) pairs, each packed into one {@code long}: the score's
 * order-preserving int bits in the high half, the ordinal in the low half. Comparing the longs
 * compares scores (ties broken by ordinal), so the heap moves primitives only and never
 * allocates once it has grown to its working size.
 *
 * <p>{@link Order#NEAREST_FIRST} pops the lowest score first (the candidate frontier of a
 * search); {@link Order#FARTHEST_FIRST} keeps the worst on top, which is what a bounded result
 * set needs to evict ({@link #insertWithOverflow}). Lower scores are closer throughout.
 *
 * <p>Not thread-safe: each instance is scratch owned by one searcher, builder or repair pass.
 */
final class NeighborQueue {

    /** Which end of the score order is on top. */
    enum Order { NEAREST_FIRST, FARTHEST_FIRST }

    private final boolean farthestFirst;
    /** 1-based min-heap of encoded entries; FARTHEST_FIRST stores the complement, reversing the order. */
    private long[] heap;
    private int size;

    NeighborQueue(int initialCapacity, Order order) {
        this.farthestFirst = order == Order.FARTHEST_FIRST;
        this.heap = new long[Math.max(2, initialCapacity + 1)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    void add(int ordinal, float score) {
        if (++size == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        heap[size] = encode(ordinal, score);
        upHeap(size);
    }

    /**
     * For a FARTHEST_FIRST queue holding the {@code limit} nearest seen so far: adds the pair
     * when there is room, or when it is nearer than the current worst (which it then evicts).
     * Returns whether the pair was kept.
     */
    boolean insertWithOverflow(int ordinal, float score, int limit) {
        assert farthestFirst : "overflow eviction keeps the nearest; only meaningful farthest-first";
        if (size < limit) {
            add(ordinal, score);
            return true;
        }
        long stored = encode(ordinal, score);
        if (size == 0 || stored <= heap[1]) {
            return false;
        }
        heap[1] = stored;
        downHeap(1);
        return true;
    }

    /** The ordinal on top (nearest for NEAREST_FIRST, farthest for FARTHEST_FIRST). */
    int topNode() {
        return (int) decode(heap[1]);
    }

    float topScore() {
        return scoreOf(decode(heap[1]));
    }

    /** Removes the top pair and returns its ordinal. */
    int pop() {
        long top = heap[1];
        heap[1] = heap[size];
        size--;
        if (size > 1) {
            downHeap(1);
        }
        return (int) decode(top);
    }

    /** The ordinal at heap position {@code i} in [0, size), in no particular order. */
    int nodeAt(int i) {
        return (int) decode(heap[i + 1]);
    }

    /** The score at heap position {@code i} in [0, size), in no particular order. */
    float scoreAt(int i) {
        return scoreOf(decode(heap[i + 1]));
    }

    /**
     * Empties a FARTHEST_FIRST queue into {@code nodes}/{@code scores} nearest first, skipping
     * {@code excluded}; returns how many were written. The arrays must hold {@link #size()}.
     */
    int drainNearestFirst(int[] nodes, float[] scores, int excluded) {
        assert farthestFirst;
        int n = size;
        int at = n;
        while (size > 0) {
            long top = decode(heap[1]);
            pop();
            if ((int) top != excluded) {
                at--;
                nodes[at] = (int) top;
                scores[at] = scoreOf(top);
            }
        }
        int written = n - at;
        if (at > 0) {
            System.arraycopy(nodes, at, nodes, 0, written);
            System.arraycopy(scores, at, scores, 0, written);
        }
        return written;
    }

    private long encode(int ordinal, float score) {
        long e = ((long) sortableBits(score) << 32) | (ordinal & 0xFFFF_FFFFL);
        return farthestFirst ? ~e : e;
    }

    private long decode(long stored) {
        return farthestFirst ? ~stored : stored;
    }

    private static float scoreOf(long encoded) {
        return Float.intBitsToFloat(flipNegative((int) (encoded >> 32)));
    }

    /** Float bits as an int whose signed order is the floats' order. */
    private static int sortableBits(float f) {
        return flipNegative(Float.floatToIntBits(f));
    }

    /** Flips the magnitude bits of negative values; its own inverse. */
    private static int flipNegative(int bits) {
        return bits ^ ((bits >> 31) & 0x7FFF_FFFF);
    }

    private void upHeap(int i) {
        long value = heap[i];
        int parent = i >>> 1;
        while (parent > 0 && value < heap[parent]) {
            heap[i] = heap[parent];
            i = parent;
            parent = i >>> 1;
        }
        heap[i] = value;
    }

    private void downHeap(int i) {
        long value = heap[i];
        int child = i << 1;
        while (child <= size) {
            if (child < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
            child = i << 1;
        }
        heap[i] = value;
    }
}
