package io.hyperspatial.core.index.hnsw;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The layered neighbour lists of an HNSW index and its entry point, keyed by dense ordinals.
 * Knows nothing of vectors or scores.
 *
 * <p><b>Layout.</b> Each node is one flat {@code int[]}: its top level, then one block per level
 * {@code [count, neighbour…]} holding up to 2M neighbours on level 0 and M above. A node's
 * record never changes shape; reusing a freed ordinal installs a new record.
 *
 * <p><b>Concurrency.</b> Searches read without locks; writers change one node's lists while
 * holding that node's stripe lock ({@link #lockFor}). Neighbour entries and counts are written
 * with release semantics, each entry before the count covering it; readers read the count with
 * acquire and the entries below it plainly, so a reader that finds an ordinal in a list also
 * sees everything its inserter did before linking it (its record and its stored vector). A
 * reader racing a rewrite may see a mix of old and new entries; each is an ordinal that was
 * valid at some point, which an approximate search tolerates. Records are installed and cleared
 * under a growth lock that also guards resizing the node table, so no installation is lost to a
 * concurrent copy. The entry point (ordinal and level) is packed in one atomic long, so readers
 * never see one without the other; inserts that raise it serialize on {@link #entryLock()}.
 */
final class HnswGraph {
    /** Packed entry of an empty graph. */
    static final long NO_ENTRY = -1L;

    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle RECORDS = MethodHandles.arrayElementVarHandle(int[][].class);
    private static final int LOCK_STRIPES = 1024;
    /** Object header plus length field of an array, as counted by memoryBytes. */
    private static final int ARRAY_HEADER = 16;

    private final int m;
    private final int maxConn0;
    private final Object[] stripes = new Object[LOCK_STRIPES];
    private final Object growth = new Object();
    private final Object entryLock = new Object();
    private final AtomicLong entry = new AtomicLong(NO_ENTRY);
    private final AtomicLong recordBytes = new AtomicLong();
    private volatile int[][] records;
    /**
     * Per node, how many leading entries of its level-0 list are the selection heuristic's own
     * choice over the whole list (see {@link #diversePrefix}); 0 when not known. Read and written
     * under the node's stripe lock; replaced by a zeroed table when the node table grows, so a
     * write racing the growth is lost to "not known", never misread.
     */
    private volatile short[] diverse;
    /** One past the highest ordinal ever installed. */
    private volatile int size;

    HnswGraph(int m, int initialCapacity) {
        this.m = m;
        this.maxConn0 = 2 * m;
        this.records = new int[Math.max(16, initialCapacity)][];
        this.diverse = new short[records.length];
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Most neighbours a node keeps on {@code level}: 2M on level 0, M above. */
    int maxConnections(int level) {
        return level == 0 ? maxConn0 : m;
    }

    int m() {
        return m;
    }

    /** One past the highest ordinal ever installed (freed ordinals included). */
    int size() {
        return size;
    }

    /** Installs an empty record for {@code node} reaching {@code level}. */
    void addNode(int node, int level) {
        int[] record = new int[recordLength(level)];
        record[0] = level;
        install(node, record);
    }

    /**
     * Installs a restored record (level, then each level's count and neighbours, of
     * {@link #recordLength} for its level; checked by the caller) for {@code node}.
     */
    void restoreRecord(int node, int[] record) {
        install(node, record);
    }

    /** Restores {@link #size()} where the highest ordinals have no record (they were freed). */
    void restoreSize(int restored) {
        synchronized (growth) {
            size = Math.max(size, restored);
        }
    }

    private void install(int node, int[] record) {
        synchronized (growth) {
            int[][] table = records;
            if (node >= table.length) {
                table = Arrays.copyOf(table, Math.max(node + 1, table.length + (table.length >> 1)));
                records = table;
                diverse = new short[table.length];
            } else {
                diverse[node] = 0;
            }
            RECORDS.setRelease(table, node, record);
            if (node >= size) {
                size = node + 1;
            }
        }
        recordBytes.addAndGet(ARRAY_HEADER + 4L * record.length);
    }

    /** Drops a node's record; readers reaching it through a stale link see no neighbours. */
    void removeNode(int node) {
        int[] record;
        synchronized (growth) {
            record = record(node);
            setDiversePrefix(node, 0);
            RECORDS.setRelease(records, node, null);
        }
        if (record != null) {
            recordBytes.addAndGet(-(ARRAY_HEADER + 4L * record.length));
        }
    }

    /** The node's top level, or −1 if it has no record. */
    int level(int node) {
        int[] record = record(node);
        return record == null ? -1 : record[0];
    }

    /**
     * Copies the node's neighbours on {@code level} into {@code into} (which holds at least
     * {@link #maxConnections}) and returns their count; 0 if the node has no record or does not
     * reach the level. Lock-free.
     */
    int neighbors(int node, int level, int[] into) {
        int[] record = record(node);
        if (record == null || record[0] < level) {
            return 0;
        }
        int at = offset(level);
        int count = (int) INTS.getAcquire(record, at);
        // Only the count needs acquire: every writer stores an entry (release) before the count
        // (release) that covers it, so the acquire read of the count makes each entry below it
        // visible as of that write or later. Plain reads may then also see a racing rewrite's
        // newer entries, which are valid ordinals too: the same mix the class doc already allows.
        System.arraycopy(record, at + 1, into, 0, count);
        return count;
    }

    /** Replaces the node's neighbours on {@code level}. The caller holds {@link #lockFor}(node). */
    void setNeighbors(int node, int level, int[] from, int count) {
        setNeighbors(node, level, from, count, 0);
    }

    /**
     * Replaces the node's neighbours on {@code level}, of which the first {@code diversePrefix}
     * on level 0 are what the selection heuristic keeps of the whole list, nearest first, and the
     * rest the candidates it pruned, nearest first (0: not known). The caller holds
     * {@link #lockFor}(node).
     */
    void setNeighbors(int node, int level, int[] from, int count, int diversePrefix) {
        if (level == 0) {
            setDiversePrefix(node, diversePrefix);
        }
        int[] record = record(node);
        int at = offset(level);
        for (int i = 0; i < count; i++) {
            INTS.setRelease(record, at + 1 + i, from[i]);
        }
        INTS.setRelease(record, at, count);
    }

    /**
     * Appends one neighbour if the list has room; false if it is full. The caller holds
     * {@link #lockFor}(node).
     */
    boolean tryAppend(int node, int level, int neighbor) {
        int[] record = record(node);
        int at = offset(level);
        int count = record[at];
        if (count >= maxConnections(level)) {
            return false;
        }
        if (level == 0) {
            setDiversePrefix(node, 0);
        }
        INTS.setRelease(record, at + 1 + count, neighbor);
        INTS.setRelease(record, at, count + 1);
        return true;
    }

    /**
     * How many leading entries of the node's level-0 list the selection heuristic keeps when run
     * over the whole list (the rest being pruned candidates, nearest first), or 0 if not known:
     * any write other than a selection's forgets it. The caller holds {@link #lockFor}(node).
     */
    int diversePrefix(int node) {
        short[] table = diverse;
        return node < table.length ? table[node] : 0;
    }

    private void setDiversePrefix(int node, int prefix) {
        short[] table = diverse;
        if (node < table.length) {
            table[node] = (short) prefix;
        }
    }

    /** Where {@code node} is among the first {@code count} entries of a copied list, or −1. */
    static int indexOf(int[] list, int count, int node) {
        for (int i = 0; i < count; i++) {
            if (list[i] == node) {
                return i;
            }
        }
        return -1;
    }

    /** The monitor guarding writes to a node's lists (striped: unrelated nodes may share one). */
    Object lockFor(int node) {
        return stripes[node & (LOCK_STRIPES - 1)];
    }

    /** The packed entry point, or {@link #NO_ENTRY}. */
    long entry() {
        return entry.get();
    }

    static int entryNode(long packed) {
        return (int) packed;
    }

    /** The entry point's level, −1 for an empty graph. */
    static int entryLevel(long packed) {
        return packed == NO_ENTRY ? -1 : (int) (packed >>> 32);
    }

    /** Serializes inserts that may raise the entry point, and entry-point replacement. */
    Object entryLock() {
        return entryLock;
    }

    /** Sets the entry point ({@code node} −1 empties the graph). The caller holds {@link #entryLock()}. */
    void setEntry(int node, int level) {
        entry.set(node < 0 ? NO_ENTRY : ((long) level << 32) | (node & 0xFFFF_FFFFL));
    }

    /**
     * The node's record as stored (not a copy), or null; for snapshots, which hold off every
     * writer while they read it.
     */
    int[] recordOf(int node) {
        return record(node);
    }

    /** Length of the record of a node whose top level is {@code level}. */
    int recordLength(int level) {
        return offset(level + 1);
    }

    /** Bytes held by node records and the node table. */
    long memoryBytes() {
        return recordBytes.get() + ARRAY_HEADER + 8L * records.length;
    }

    private int[] record(int node) {
        int[][] table = records;
        return node < table.length ? (int[]) RECORDS.getAcquire(table, node) : null;
    }

    /** Index in a record of the count of {@code level}'s block. */
    private int offset(int level) {
        return level == 0 ? 1 : 1 + (1 + maxConn0) + (level - 1) * (1 + m);
    }
}
