package io.hyperspatial.core.index;

import java.util.Arrays;

/**
 * A map from the caller's non-negative int ids to int slots, open addressing with linear probing
 * and backward-shift deletion (no tombstones, so the table never fills with dead entries). Two
 * int arrays, about 16 bytes per id at the maximum load of one half. Used by the exact index
 * (id → slot) and by HNSW (id → ordinal). Not thread-safe: the owner guards it.
 */
public final class IdSlots {
    private static final int EMPTY = -1;
    private static final int MIN_CAPACITY = 16;

    private int[] keys;
    private int[] values;
    private int size;

    public IdSlots() {
        allocate(MIN_CAPACITY);
    }

    public int size() {
        return size;
    }

    /** The slot of an id, or −1 if absent. */
    public int get(int id) {
        if (id < 0) {
            return -1;   // never stored, and −1 is the empty marker a probe would match
        }
        int mask = keys.length - 1;
        for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == id) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** Maps an id to a slot, replacing any previous slot. */
    public void put(int id, int slot) {
        if (id < 0) {
            throw new IllegalArgumentException("ids must not be negative, got " + id);
        }
        if (2 * (size + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = hash(id) & mask;
        while (keys[i] != EMPTY && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = id;
            size++;
        }
        values[i] = slot;
    }

    /** Removes an id; returns its slot, or −1 if it was absent. */
    public int remove(int id) {
        if (id < 0) {
            return -1;   // never stored, and −1 is the empty marker a probe would match
        }
        int mask = keys.length - 1;
        int i = hash(id) & mask;
        while (keys[i] != id) {
            if (keys[i] == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
        int slot = values[i];
        size--;
        // Backward shift: move later entries of the probe run into the hole when their home allows it.
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = hash(keys[j]) & mask;
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        if (keys.length > MIN_CAPACITY && 8 * size < keys.length) {
            rehash(keys.length / 2);
        }
        return slot;
    }

    /** Bytes held by the table. */
    public long memoryBytes() {
        return 2L * 4 * keys.length + 48;
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    private static int hash(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
