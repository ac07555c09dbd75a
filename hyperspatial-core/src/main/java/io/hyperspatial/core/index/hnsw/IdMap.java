package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IdSlots;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The caller's ids and the graph's ordinals, both ways. id → ordinal is an {@link IdSlots}
 * (open addressing over primitive ints); ordinal → id is a flat int array holding −1 for every ordinal that is not live (being inserted, deleted, or
 * free). An ordinal therefore counts as live exactly while it maps to an id, which is the check
 * searches make when collecting results. Ids are non-negative (−1 marks a free slot).
 *
 * <p><b>Concurrency.</b> Changes and id lookups hold this object's monitor. {@link #id} is
 * lock-free, for the search loop, and so is {@link #size}: ordinal → id entries are written and read with volatile
 * semantics, so a removal is visible to every search that starts after it returns, and the
 * array is only replaced (grown) under the monitor, after copying.
 */
final class IdMap {
    private static final VarHandle IDS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int FREE = -1;

    private final IdSlots ordinals = new IdSlots();
    /** Written under the monitor, read without it. */
    private volatile int size;
    private volatile int[] ordinalIds;

    IdMap(int expected) {
        int[] ids = new int[Math.max(16, expected)];
        Arrays.fill(ids, FREE);
        this.ordinalIds = ids;
    }

    /** The id at a live ordinal, or −1. Lock-free. */
    int id(int ordinal) {
        int[] ids = ordinalIds;
        return ordinal < ids.length ? (int) IDS.getVolatile(ids, ordinal) : FREE;
    }

    /** The ordinal of an id, or −1 if absent. */
    synchronized int ordinal(int id) {
        return ordinals.get(id);
    }

    /** Number of ids present. Lock-free. */
    int size() {
        return size;
    }

    /**
     * Makes {@code ordinal} the live ordinal of {@code id}; returns the ordinal it replaces
     * (now no longer live), or −1.
     */
    synchronized int put(int id, int ordinal) {
        int previous = ordinals.get(id);
        if (previous != FREE) {
            IDS.setVolatile(ordinalIds, previous, FREE);
        }
        ordinals.put(id, ordinal);
        size = ordinals.size();
        setId(ordinal, id);
        return previous;
    }

    /** Removes an id; returns its ordinal (no longer live), or −1 if absent. */
    synchronized int remove(int id) {
        int ordinal = ordinals.remove(id);
        if (ordinal != FREE) {
            IDS.setVolatile(ordinalIds, ordinal, FREE);
            size = ordinals.size();
        }
        return ordinal;
    }

    /**
     * Writes the live ordinals of the ids in {@code ids} to {@code into} (in id order) and
     * returns how many; ids not present are skipped. Writes at most {@code into.length}.
     */
    synchronized int ordinals(RoaringBitmap ids, int[] into) {
        int n = 0;
        int limit = Math.min(size, into.length);
        IntIterator it = ids.getIntIterator();
        while (it.hasNext() && n < limit) {
            int ordinal = ordinals.get(it.next());
            if (ordinal != FREE) {
                into[n++] = ordinal;
            }
        }
        return n;
    }

    /** Bytes held by both directions. */
    synchronized long memoryBytes() {
        return ordinals.memoryBytes() + 4L * ordinalIds.length;
    }

    private void setId(int ordinal, int id) {
        int[] ids = ordinalIds;
        if (ordinal >= ids.length) {
            int old = ids.length;
            ids = Arrays.copyOf(ids, Math.max(ordinal + 1, old + (old >> 1)));
            Arrays.fill(ids, old, ids.length, FREE);
            ordinalIds = ids;
        }
        IDS.setVolatile(ids, ordinal, id);
    }
}
