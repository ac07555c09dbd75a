package io.hyperspatial.manifold;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.WriteBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a bulk load, staged and handed to a {@link WriteBatch} in key order per column
 * family. RocksDB inserts a batch's rows into the memtable skip list one after another and starts
 * each search from where the previous insert ended, so rows in key order skip most of the
 * descent that rows in arrival order (random entity ids) pay in cache misses: on an import of
 * 400,000 entities, sorting halved the CPU time of the RocksDB write.
 *
 * <p>Rows with the same family and key keep their staging order, so the last write of a key
 * still wins, as in the unsorted batch. The sort packs the first 8 key bytes and the row's
 * staging index into one {@code long} and sorts those primitives; only rows whose kept prefix
 * bits tie are then compared in full.
 *
 * <p>The batch is encoded here, in RocksDB's write-batch format ({@code db/write_batch.cc}: a
 * 12-byte header of sequence and count, then per row a tag, the family id, and the key and value
 * each as a varint length and bytes), and handed over in one call, instead of one JNI call per
 * row: those calls (each pinning and copying two Java arrays) took about a tenth of an import's
 * writing thread. Not thread-safe.
 */
final class SortedRows {
    /** Runs of tied prefixes up to this length are insertion-sorted; longer ones use a merge sort. */
    private static final int INSERTION_SORT_MAX = 16;

    private final Map<ColumnFamilyHandle, Family> families = new IdentityHashMap<>();

    /** Stages a put, or a delete when {@code value} is null. */
    void add(ColumnFamilyHandle family, byte[] key, byte[] value) {
        families.computeIfAbsent(family, f -> new Family()).add(key, value);
    }

    // record tags of db/dbformat.h's ValueType as a write batch stores them
    private static final byte TYPE_DELETION = 0x0;
    private static final byte TYPE_VALUE = 0x1;
    private static final byte TYPE_COLUMN_FAMILY_DELETION = 0x4;
    private static final byte TYPE_COLUMN_FAMILY_VALUE = 0x5;
    private static final int HEADER = 12;

    /**
     * A new write batch (the caller closes it) of every staged row, family by family in key
     * order; forgets the rows.
     */
    WriteBatch drain() {
        int count = 0;
        long bytes = HEADER;
        List<Map.Entry<ColumnFamilyHandle, Family>> list = new ArrayList<>(families.entrySet());
        for (Map.Entry<ColumnFamilyHandle, Family> e : list) {
            count += e.getValue().size;
            bytes += e.getValue().encodedSize(e.getKey().getID());
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a bulk batch of " + bytes + " bytes is too large; write fewer rows per batch");
        }
        byte[] rep = new byte[(int) bytes];
        // sequence 0 (RocksDB assigns it), then the count, both little-endian
        writeIntLe(rep, 8, count);
        int at = HEADER;
        for (Map.Entry<ColumnFamilyHandle, Family> e : list) {
            at = e.getValue().encode(e.getKey().getID(), rep, at);
        }
        families.clear();
        return new WriteBatch(rep);
    }

    void clear() {
        families.clear();
    }

    /** One family's staged rows, in staging order until drained. */
    private static final class Family {
        private byte[][] keys = new byte[64][];
        private byte[][] values = new byte[64][];
        private int size;

        void add(byte[] key, byte[] value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
        }

        /** The bytes {@link #encode} writes. */
        long encodedSize(int familyId) {
            long familyBytes = familyId == 0 ? 0 : varintLength(familyId);
            long total = 0;
            for (int i = 0; i < size; i++) {
                total += 1 + familyBytes + varintLength(keys[i].length) + keys[i].length;
                if (values[i] != null) {
                    total += varintLength(values[i].length) + values[i].length;
                }
            }
            return total;
        }

        /** Writes the rows in key order as write-batch records at {@code at}; returns the end. */
        int encode(int familyId, byte[] rep, int at) {
            for (int i : order()) {
                byte[] value = values[i];
                if (familyId == 0) {
                    rep[at++] = value == null ? TYPE_DELETION : TYPE_VALUE;
                } else {
                    rep[at++] = value == null ? TYPE_COLUMN_FAMILY_DELETION : TYPE_COLUMN_FAMILY_VALUE;
                    at = writeVarint(rep, at, familyId);
                }
                at = writeSlice(rep, at, keys[i]);
                if (value != null) {
                    at = writeSlice(rep, at, value);
                }
            }
            return at;
        }

        /** Staging indexes sorted by key (unsigned bytes), ties by staging index. */
        int[] order() {
            int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1));
            long indexMask = (1L << indexBits) - 1;
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                // unsigned order of the prefix as signed order, low bits replaced by the index
                packed[i] = ((prefix(keys[i]) ^ Long.MIN_VALUE) & ~indexMask) | i;
            }
            Arrays.sort(packed);
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = (int) (packed[i] & indexMask);
            }
            int runStart = 0;
            for (int i = 1; i <= size; i++) {
                if (i == size || (packed[i] & ~indexMask) != (packed[runStart] & ~indexMask)) {
                    if (i - runStart > 1) {
                        sortRun(order, runStart, i);
                    }
                    runStart = i;
                }
            }
            return order;
        }

        /** Sorts order[from, to) by full key; the run is already in staging order, which ties keep. */
        private void sortRun(int[] order, int from, int to) {
            if (to - from <= INSERTION_SORT_MAX) {
                for (int i = from + 1; i < to; i++) {
                    int row = order[i];
                    int j = i - 1;
                    while (j >= from && Arrays.compareUnsigned(keys[order[j]], keys[row]) > 0) {
                        order[j + 1] = order[j];
                        j--;
                    }
                    order[j + 1] = row;
                }
                return;
            }
            Integer[] run = new Integer[to - from];
            for (int i = from; i < to; i++) {
                run[i - from] = order[i];
            }
            Arrays.sort(run, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b])); // stable
            for (int i = from; i < to; i++) {
                order[i] = run[i - from];
            }
        }

        /** The key's first 8 bytes as a big-endian unsigned value, zero-padded. */
        private static long prefix(byte[] key) {
            long v = 0;
            int n = Math.min(8, key.length);
            for (int i = 0; i < n; i++) {
                v |= (key[i] & 0xFFL) << (56 - 8 * i);
            }
            return v;
        }
    }

    private static int writeSlice(byte[] rep, int at, byte[] bytes) {
        at = writeVarint(rep, at, bytes.length);
        System.arraycopy(bytes, 0, rep, at, bytes.length);
        return at + bytes.length;
    }

    /** LevelDB's varint32: 7 bits per byte, low group first, high bit set on all but the last. */
    private static int writeVarint(byte[] rep, int at, int value) {
        while ((value & ~0x7F) != 0) {
            rep[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        rep[at++] = (byte) value;
        return at;
    }

    private static int varintLength(int value) {
        return value == 0 ? 1 : (38 - Integer.numberOfLeadingZeros(value)) / 7;
    }

    private static void writeIntLe(byte[] rep, int at, int value) {
        rep[at] = (byte) value;
        rep[at + 1] = (byte) (value >>> 8);
        rep[at + 2] = (byte) (value >>> 16);
        rep[at + 3] = (byte) (value >>> 24);
    }
}
