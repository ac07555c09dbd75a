package io.hyperspatial.core.index.hnsw;

import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The caller's ids and the graph's ordinals, both ways. id → ordinal is an open-addressing hash
 * table of primitive ints (linear probing, backward-shift deletion, load ≤ ½); ordinal → id is a
 * flat int array holding −1 for every ordinal that is not live (being inserted, deleted, or
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

    private int[] keys;
    private int[] values;
    private int mask;
    /** Written under the monitor, read without it. */
    private volatile int size;
    private volatile int[] ordinalIds;

    IdMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        this.keys = new int[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        Arrays.fill(keys, FREE);
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
        int slot = find(id);
        return keys[slot] == FREE ? FREE : values[slot];
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
        int slot = find(id);
        int previous = FREE;
        if (keys[slot] == FREE) {
            keys[slot] = id;
            size++;
        } else {
            previous = values[slot];
            IDS.setVolatile(ordinalIds, previous, FREE);
        }
        values[slot] = ordinal;
        setId(ordinal, id);
        if (size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        return previous;
    }

    /** Removes an id; returns its ordinal (no longer live), or −1 if absent. */
    synchronized int remove(int id) {
        int slot = find(id);
        if (keys[slot] == FREE) {
            return FREE;
        }
        int ordinal = values[slot];
        IDS.setVolatile(ordinalIds, ordinal, FREE);
        size--;
        shiftBack(slot);
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
            int slot = find(it.next());
            if (keys[slot] != FREE) {
                into[n++] = values[slot];
            }
        }
        return n;
    }

    /** Bytes held by both directions. */
    synchronized long memoryBytes() {
        return 8L * keys.length + 4L * ordinalIds.length + 48;
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

    /** The slot holding {@code id}, or the free slot where it would go. */
    private int find(int id) {
        int slot = hash(id) & mask;
        while (keys[slot] != FREE && keys[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Backward-shift deletion: pulls later entries of the probe run into the gap at {@code gap}. */
    private void shiftBack(int gap) {
        int slot = gap;
        while (true) {
            slot = (slot + 1) & mask;
            int key = keys[slot];
            if (key == FREE) {
                break;
            }
            int home = hash(key) & mask;
            boolean movable = gap <= slot ? (home <= gap || home > slot) : (home <= gap && home > slot);
            if (movable) {
                keys[gap] = key;
                values[gap] = values[slot];
                gap = slot;
            }
        }
        keys[gap] = FREE;
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int hash(int id) {
        int h = id * 0x9E37_79B9;
        return h ^ (h >>> 16);
    }
}
