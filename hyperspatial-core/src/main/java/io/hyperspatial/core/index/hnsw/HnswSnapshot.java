package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.persist.MalformedSnapshotException;
import io.hyperspatial.core.index.persist.SnapshotFile;
import io.hyperspatial.core.index.persist.SnapshotInput;
import io.hyperspatial.core.index.persist.SnapshotOutput;
import io.hyperspatial.core.index.score.ExactScoringSpace;
import io.hyperspatial.core.index.score.QuantizedScoringSpace;
import io.hyperspatial.core.index.score.QuantizedSpaces;
import io.hyperspatial.core.index.score.ScoringSpace;
import io.hyperspatial.core.index.score.VectorSlots;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Snapshots of an {@link HnswIndex} in a {@link SnapshotFile} of kind {@value #KIND}, so a restart
 * loads the index instead of rebuilding it. The payload of format {@value #VERSION}, little-endian:
 * <pre>
 *   sequence         int64   what the caller says the index covers (a change-feed sequence)
 *   config           metric name, dimension, m, ef_construction, ef_search, quantization name, curvature
 *   options          seed int64, keep-pruned-connections byte
 *   level draws      int64   so the level sequence continues where it stopped
 *   vectors          stride int32, ordinals int32, then ordinals × stride float32: the exact
 *                    space's prepared slots as stored (normalised for cosine with the norm last,
 *                    α last for Poincaré, for Lorentz the unit direction then sinh r, e^{r/2},
 *                    e^{−r/2}), page by page
 *   graph            size int32, packed entry point int64, then per ordinal below size its record
 *                    length int32 (0: no record) and the record (level, per level count + neighbours)
 *   ids              ordinals int32, then the id of each ordinal (−1: not live)
 *   retired, free    count int32 + ordinals, each
 * </pre>
 * Deleted state is written as it is rather than repaired first: retired ordinals (removed, still
 * stepping stones in the graph) and free ordinals (repaired, awaiting reuse) are two short lists,
 * and a repair before every snapshot would make writing one change the index and cost an
 * O(graph) pass while inserts wait. A restored index repairs them when it would have.
 *
 * <p><b>Quantized indexes</b> store their exact vectors only, read from the index's mapped vector
 * file (the heap holds no copy). Loading writes them into a new mapped file (in the JVM's
 * temporary directory) and wraps them in the configured
 * quantized space ({@link io.hyperspatial.core.index.score.QuantizedSpaces#wrap}), which fits its
 * calibration on the first stored vectors, as it did when they were added, and encodes every
 * vector again (a linear pass, well under the file's read time). Unless ordinals below the
 * calibration sample were reused after deletes, that gives the same codes; otherwise codes of a
 * slightly different calibration, which the exact rerank absorbs. Codes are not written because
 * they are a function of the vectors: the format then does not change when the quantizer does.
 *
 * <p><b>Consistency.</b> {@link #write} holds the index's structure lock exclusively while it
 * writes: inserts, removes and repairs wait, searches go on, and the file holds one state of the
 * index. Writing streams through large buffers, so holding the lock costs about as long as
 * writing the file (see docs/benchmarks.md, "Restart").
 *
 * <p>Stateless and thread-safe.
 */
public final class HnswSnapshot {
    /** The {@link SnapshotFile} kind of HNSW snapshots. */
    public static final String KIND = "HNSW";
    /** Version of the payload format above; bump it on any change and keep a fixture of the old one. */
    public static final int VERSION = 2;
    /**
     * The oldest version read. Version 1 differs only in Lorentz slots, which held the given
     * coordinates (stride = dimension); they are prepared into today's polar slots when read.
     */
    public static final int OLDEST_READ = 1;

    private HnswSnapshot() {
    }

    /**
     * A loaded snapshot.
     *
     * @param sequence what the index covers, as given to {@link #write}
     * @param idBound  one past the highest id the index holds (0 if empty)
     */
    public record Loaded(HnswIndex index, long sequence, int idBound) {
    }

    /**
     * Writes {@code index} to {@code file} crash-safely; returns the file's size in bytes. Any
     * node the graph has stranded is linked in first ({@link HnswIndex#connectUnreachable}), so a
     * snapshot never stores one.
     *
     * @param sequence what the index covers (returned by {@link #read} as it was given)
     * @throws StorageException on an I/O error; the previous file is then untouched
     * @throws UnsupportedOperationException for an index over a space that is not one of the
     *                                       exact float32 spaces (or a quantized space over one)
     */
    public static long write(HnswIndex index, long sequence, Path file) {
        ExactScoringSpace exact = exactSpace(index.space());
        index.structure().writeLock().lock();
        try {
            index.connectUnreachable();
            return SnapshotFile.write(file, KIND, VERSION, out -> writePayload(index, exact, sequence, out));
        } finally {
            index.structure().writeLock().unlock();
        }
    }

    /** Reads a snapshot with the configuration it was written with. */
    public static Loaded read(Path file) {
        return SnapshotFile.read(file, KIND, OLDEST_READ, VERSION, (in, version) -> readPayload(in, version, null, null));
    }

    /**
     * Reads a snapshot for an index configured as {@code expected}; the loaded index takes its
     * ef_search from {@code expected} (a runtime setting, not part of the graph).
     *
     * @throws StorageException {@link ErrorCode#INCOMPATIBLE_FORMAT} if the snapshot was built
     *                          with another metric, dimension, m, ef_construction, quantization or
     *                          curvature (checked before the bulk of the file is read), or any
     *                          error of {@link SnapshotFile#read}
     */
    public static Loaded read(Path file, IndexConfig expected) {
        return read(file, expected, null);
    }

    /**
     * {@link #read(Path, IndexConfig)}, with a quantized index's full-precision vectors mapped from
     * a file in {@code vectorDirectory} (null: the temporary directory), see
     * {@link HnswOptions#vectorDirectory}.
     */
    public static Loaded read(Path file, IndexConfig expected, Path vectorDirectory) {
        return SnapshotFile.read(file, KIND, OLDEST_READ, VERSION, (in, version) -> {
            try {
                return readPayload(in, version, expected, vectorDirectory);
            } catch (IncompatibleConfig e) {
                throw new StorageException(ErrorCode.INCOMPATIBLE_FORMAT, "snapshot " + file + " was built with "
                        + e.getMessage());
            }
        });
    }

    /**
     * How a snapshot built with {@code stored} differs from an index configured as
     * {@code expected}, e.g. {@code "m 16, configured 32"}; empty if it can serve it.
     */
    public static String incompatibility(IndexConfig stored, IndexConfig expected) {
        List<String> diffs = new ArrayList<>();
        differ(diffs, "metric", stored.metric(), expected.metric());
        differ(diffs, "dimension", stored.dimension(), expected.dimension());
        differ(diffs, "m", stored.m(), expected.m());
        differ(diffs, "ef_construction", stored.efConstruction(), expected.efConstruction());
        differ(diffs, "quantization", stored.quantization(), expected.quantization());
        differ(diffs, "curvature", stored.curvature(), expected.curvature());
        return String.join(", ", diffs);
    }

    private static void differ(List<String> diffs, String name, Object stored, Object expected) {
        if (!stored.equals(expected)) {
            diffs.add(name + " " + text(stored) + ", configured " + text(expected));
        }
    }

    private static String text(Object v) {
        return v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : v.toString();
    }

    private static ExactScoringSpace exactSpace(ScoringSpace space) {
        ScoringSpace exact = space instanceof QuantizedScoringSpace q ? q.exact() : space;
        if (exact instanceof ExactScoringSpace f) {
            return f;
        }
        throw new UnsupportedOperationException("snapshots need an exact float32 space, the index has a "
                + exact.getClass().getSimpleName());
    }

    private static void writePayload(HnswIndex index, ExactScoringSpace exact, long sequence, SnapshotOutput out)
            throws IOException {
        out.writeLong(sequence);
        IndexConfig c = index.config();
        out.writeString(c.metric().name());
        out.writeInt(c.dimension());
        out.writeInt(c.m());
        out.writeInt(c.efConstruction());
        out.writeInt(c.efSearch());
        out.writeString(c.quantization().name());
        out.writeDouble(c.curvature());
        out.writeLong(index.options().seed());
        out.writeBoolean(index.options().keepPrunedConnections());
        out.writeLong(index.levels().drawn());

        VectorSlots slots = exact.slots();
        int ordinals = slots.size();
        out.writeInt(slots.stride());
        out.writeInt(ordinals);
        slots.readSlots(ordinals, out::writeFloats);

        HnswGraph graph = index.graph();
        int size = graph.size();
        out.writeInt(size);
        out.writeLong(graph.entry());
        for (int node = 0; node < size; node++) {
            int[] record = graph.recordOf(node);
            if (record == null) {
                out.writeInt(0);
            } else {
                out.writeInt(record.length);
                out.writeInts(record, 0, record.length);
            }
        }

        IdMap ids = index.ids();
        out.writeInt(ordinals);
        for (int ordinal = 0; ordinal < ordinals; ordinal++) {
            out.writeInt(ids.id(ordinal));
        }
        writeOrdinals(out, index.retiredOrdinals());
        writeOrdinals(out, index.freeOrdinals());
    }

    private static void writeOrdinals(SnapshotOutput out, int[] ordinals) throws IOException {
        out.writeInt(ordinals.length);
        out.writeInts(ordinals, 0, ordinals.length);
    }

    private static Loaded readPayload(SnapshotInput in, int version, IndexConfig expected, Path vectorDirectory) {
        long sequence = in.readLong();
        IndexConfig stored = readConfig(in);
        if (expected != null) {
            String diff = incompatibility(stored, expected);
            if (!diff.isEmpty()) {
                throw new IncompatibleConfig(diff);
            }
        }
        IndexConfig config = expected != null ? expected : stored;
        HnswOptions options = new HnswOptions(in.readLong(), in.readBoolean(), vectorDirectory);
        long drawn = in.readLong();

        ExactScoringSpace exact = QuantizedSpaces.exact(config, options.vectorDirectoryOrTemp());
        try {
            return readIndex(in, version, config, options, drawn, exact, sequence);
        } catch (RuntimeException e) {
            exact.close();
            throw e;
        }
    }

    /** The rest of {@link #readPayload}, from the vectors on, into an empty exact space. */
    private static Loaded readIndex(SnapshotInput in, int version, IndexConfig config, HnswOptions options, long drawn,
                                    ExactScoringSpace exact, long sequence) {
        boolean givenCoordinates = version == 1 && config.metric() == VectorMetric.LORENTZ;
        int expectedStride = givenCoordinates ? config.dimension() : exact.slots().stride();
        int stride = in.readInt();
        if (stride != expectedStride) {
            throw new MalformedSnapshotException("vector stride " + stride + ", the " + config.metric().displayName()
                    + " space of dimension " + config.dimension() + " has " + expectedStride);
        }
        int ordinals = in.readCount(stride * Float.BYTES, "vector count");
        if (givenCoordinates) {
            float[] vector = new float[stride];
            for (int i = 0; i < ordinals; i++) {
                in.readFloats(vector, 0, stride);
                exact.add(vector);
            }
        } else {
            exact.slots().appendSlots(ordinals, in::readFloats);
        }
        ScoringSpace space = QuantizedSpaces.wrap(exact, config);

        HnswGraph graph = readGraph(in, config.m(), ordinals);
        IdMap ids = new IdMap(ordinals);
        int idBound = readIds(in, graph, ids, ordinals);
        int[] retired = readOrdinals(in, "retired", ordinals);
        int[] free = readOrdinals(in, "free", ordinals);
        for (int ordinal : retired) {
            if (graph.recordOf(ordinal) == null || ids.id(ordinal) >= 0) {
                throw new MalformedSnapshotException("retired ordinal " + ordinal + " is live or has no node");
            }
        }
        for (int ordinal : free) {
            if (graph.recordOf(ordinal) != null) {
                throw new MalformedSnapshotException("free ordinal " + ordinal + " still has a node");
            }
        }
        HnswIndex index = new HnswIndex(config, options, space, graph, ids,
                new LevelGenerator(config.m(), options.seed(), drawn));
        index.restoreOrdinals(retired, free);
        return new Loaded(index, sequence, idBound);
    }

    private static IndexConfig readConfig(SnapshotInput in) {
        try {
            VectorMetric metric = VectorMetric.valueOf(in.readString());
            int dimension = in.readInt();
            int m = in.readInt();
            int efConstruction = in.readInt();
            int efSearch = in.readInt();
            Quantization quantization = Quantization.valueOf(in.readString());
            double curvature = in.readDouble();
            return new IndexConfig(metric, dimension, m, efConstruction, efSearch, quantization, curvature);
        } catch (IllegalArgumentException e) {
            throw new MalformedSnapshotException("index config: " + e.getMessage());
        }
    }

    private static HnswGraph readGraph(SnapshotInput in, int m, int ordinals) {
        int size = in.readCount(Integer.BYTES, "graph size");
        if (size > ordinals) {
            throw new MalformedSnapshotException("graph of " + size + " nodes over " + ordinals + " vectors");
        }
        long entry = in.readLong();
        HnswGraph graph = new HnswGraph(m, size);
        for (int node = 0; node < size; node++) {
            int length = in.readCount(Integer.BYTES, "record length of node " + node);
            if (length == 0) {
                continue;
            }
            int[] record = new int[length];
            in.readInts(record, 0, length);
            checkRecord(graph, node, record, size);
            graph.restoreRecord(node, record);
        }
        graph.restoreSize(size);
        if (entry != HnswGraph.NO_ENTRY) {
            int node = HnswGraph.entryNode(entry);
            if (node < 0 || node >= size || graph.level(node) != HnswGraph.entryLevel(entry)) {
                throw new MalformedSnapshotException("entry point " + node + " at level " + HnswGraph.entryLevel(entry)
                        + " is not a node of that level");
            }
            graph.setEntry(node, HnswGraph.entryLevel(entry));
        }
        return graph;
    }

    private static void checkRecord(HnswGraph graph, int node, int[] record, int size) {
        int level = record[0];
        if (level < 0 || level > LevelGenerator.MAX_LEVEL || record.length != graph.recordLength(level)) {
            throw new MalformedSnapshotException("node " + node + ": record of " + record.length + " ints for level " + level);
        }
        int at = 1;
        for (int l = 0; l <= level; l++) {
            int count = record[at];
            if (count < 0 || count > graph.maxConnections(l)) {
                throw new MalformedSnapshotException("node " + node + ": " + count + " neighbours on level " + l);
            }
            for (int i = 1; i <= count; i++) {
                if (record[at + i] < 0 || record[at + i] >= size) {
                    throw new MalformedSnapshotException("node " + node + ": neighbour " + record[at + i] + " of " + size);
                }
            }
            at += 1 + graph.maxConnections(l);
        }
    }

    /** Fills the id map; returns one past the highest id. */
    private static int readIds(SnapshotInput in, HnswGraph graph, IdMap ids, int ordinals) {
        int n = in.readCount(Integer.BYTES, "id count");
        if (n != ordinals) {
            throw new MalformedSnapshotException(n + " ids for " + ordinals + " vectors");
        }
        int bound = 0;
        for (int ordinal = 0; ordinal < n; ordinal++) {
            int id = in.readInt();
            if (id < -1) {
                throw new MalformedSnapshotException("id " + id + " at ordinal " + ordinal);
            }
            if (id >= 0) {
                if (graph.recordOf(ordinal) == null) {
                    throw new MalformedSnapshotException("id " + id + " maps to ordinal " + ordinal + ", which has no node");
                }
                if (ids.put(id, ordinal) >= 0) {
                    throw new MalformedSnapshotException("id " + id + " maps to two ordinals");
                }
                bound = Math.max(bound, id + 1);
            }
        }
        return bound;
    }

    private static int[] readOrdinals(SnapshotInput in, String what, int ordinals) {
        int n = in.readCount(Integer.BYTES, what + " count");
        int[] list = new int[n];
        in.readInts(list, 0, n);
        for (int ordinal : list) {
            if (ordinal < 0 || ordinal >= ordinals) {
                throw new MalformedSnapshotException(what + " ordinal " + ordinal + " of " + ordinals);
            }
        }
        return list;
    }

    /** A stored configuration the caller's cannot use; turned into a storage error naming the file. */
    private static final class IncompatibleConfig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IncompatibleConfig(String message) {
            super(message, null, false, false);
        }
    }
}
