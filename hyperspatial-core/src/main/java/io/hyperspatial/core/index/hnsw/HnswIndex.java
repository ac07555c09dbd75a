package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.VectorIndex;
import io.hyperspatial.core.index.score.QuantizedSpaces;
import io.hyperspatial.core.index.score.ScoringSpace;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.WriteValidator;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntSupplier;

/**
 * An in-memory HNSW index (Malkov and Yashunin, 2016) over any {@link ScoringSpace}: the graph
 * code scores through the space and never learns the metric or the encoding.
 *
 * <p><b>Writes.</b> {@link #add} validates the vector for the metric before anything is stored,
 * places it in a free ordinal or a new one, links it in with {@link HnswBuilder}, and only then
 * maps the id to it, so a search never returns a half-inserted node. Adding an id already
 * present inserts the new vector and retires the old ordinal. {@link #remove} unmaps the id,
 * which hides it from searches at once; the retired ordinal stays in the graph as a stepping
 * stone until a repair pass ({@link GraphRepair}) relinks its neighbours and frees it for
 * reuse. Repair runs by itself once retired ordinals reach {@link #REPAIR_FRACTION} of the graph
 * (at least {@link #MIN_REPAIR_BATCH}), so its O(graph) scan is amortised over many deletes, or
 * on demand with {@link #repairDeletions()}. A connectivity pass ({@link #connectUnreachable})
 * after bulk adds and repairs, before snapshots, and once single {@link #add}s since the last
 * pass reach {@link #CONNECT_FRACTION} of the graph (at least {@link #MIN_CONNECT_BATCH}),
 * relinks any node the graph has cut off; amortised like repair, it costs O(1) per insert.
 * When the writer pauses ({@link #settle}), a pass also runs once single adds reach
 * {@link #SETTLE_CONNECT_FRACTION} of the graph (any add at all below 100 nodes), so an index
 * built by a trickle of online inserts, or by fewer than a batch of them, ends up as connected
 * as a bulk-built one.
 *
 * <p><b>Searches</b> run {@link KnnSearch}: graph search with ef = max(ef, k), exact scan for
 * small allow-lists, filtered traversal otherwise, exact rerank for quantized spaces; reported
 * distances are the metric's true distances.
 *
 * <p><b>Thread-safety.</b> Fully thread-safe. Any number of threads may add and search at
 * once: inserts and removes (which only unmap) share the structure lock, searches take no
 * index-wide lock at all. A repair pass takes the structure lock exclusively, so it waits for
 * in-flight inserts and holds new ones back while it runs; searches continue through it. So does
 * writing a snapshot ({@link HnswSnapshot}), which therefore sees one consistent state. Per-thread
 * scratch (searchers, builders) is pooled.
 */
public final class HnswIndex implements VectorIndex {
    /** Repair once retired ordinals reach this share of the graph. */
    static final double REPAIR_FRACTION = 0.05;
    /** ...and at least this many, so small indexes do not repair on every delete. */
    static final int MIN_REPAIR_BATCH = 64;
    /** Run a connectivity pass once single adds since the last pass reach this share of the graph... */
    static final double CONNECT_FRACTION = 0.10;
    /** ...and at least this many. */
    static final int MIN_CONNECT_BATCH = 1024;
    /** When writes pause ({@link #settle}), run the pass once single adds reach this share of the graph. */
    static final double SETTLE_CONNECT_FRACTION = 0.01;
    private static final int POOLED_WORKERS = 64;

    private final IndexConfig config;
    private final HnswOptions options;
    private final VectorField vectorField;
    private final VectorField queryField;
    private final ScoringSpace space;
    private final HnswGraph graph;
    private final IdMap ids;
    private final LevelGenerator levels;
    private final WorkerPool<HnswBuilder> builders;
    private final WorkerPool<KnnSearch> searches;
    private final GraphRepair repair;
    private final GraphConnectivity connectivity;
    private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();
    private final OrdinalStack retired = new OrdinalStack();
    private final OrdinalStack free = new OrdinalStack();
    /** Single adds since the last connectivity pass. */
    private final AtomicInteger addsSincePass = new AtomicInteger();
    /** Connectivity passes run, for tests. */
    private final AtomicInteger passes = new AtomicInteger();
    private volatile int efSearch;

    public HnswIndex(IndexConfig config) {
        this(config, HnswOptions.DEFAULT);
    }

    /**
     * An empty index. A quantized one maps its full-precision vectors from a new file in the
     * options' vector directory: close the index to unmap it.
     */
    public HnswIndex(IndexConfig config, HnswOptions options) {
        this(config, options, QuantizedSpaces.create(config, options.vectorDirectoryOrTemp()));
    }

    /** An index over a given space (of the config's dimension); for spaces not built from a config. */
    HnswIndex(IndexConfig config, HnswOptions options, ScoringSpace space) {
        this(config, options, space, new HnswGraph(config.m(), 1024), new IdMap(1024),
                new LevelGenerator(config.m(), options.seed()));
        if (space.dimension() != config.dimension() || space.size() != 0) {
            throw new IllegalArgumentException("the space must be empty and of dimension " + config.dimension());
        }
    }

    /**
     * An index over existing parts (restored from a snapshot by {@link HnswSnapshot}): every
     * ordinal of {@code graph} has its vector in {@code space}, {@code ids} maps the live ones,
     * and the caller then hands over the retired and free ordinals.
     */
    HnswIndex(IndexConfig config, HnswOptions options, ScoringSpace space, HnswGraph graph, IdMap ids,
              LevelGenerator levels) {
        this.config = config;
        this.options = options;
        this.vectorField = new VectorField("vector", 0, VectorKind.DENSE, config.dimension(), config.metric(),
                config.curvature());
        this.queryField = new VectorField("query", 0, VectorKind.DENSE, config.dimension(), config.metric(),
                config.curvature());
        this.space = space;
        this.graph = graph;
        this.ids = ids;
        this.levels = levels;
        this.builders = new WorkerPool<>(() -> new HnswBuilder(graph, space, config.efConstruction(),
                options.keepPrunedConnections()), POOLED_WORKERS);
        this.searches = new WorkerPool<>(() -> new KnnSearch(graph, space, ids), POOLED_WORKERS);
        this.repair = new GraphRepair(graph, space, config.efConstruction(), options.keepPrunedConnections());
        this.connectivity = new GraphConnectivity(graph, space, config.efConstruction());
        this.efSearch = config.efSearch();
    }

    /** An index holding {@code vectors[i]} under {@code ids[i]}, built by {@code threads} threads. */
    public static HnswIndex build(IndexConfig config, int[] ids, float[][] vectors, int threads) {
        HnswIndex index = new HnswIndex(config);
        index.addAll(ids, vectors, threads);
        return index;
    }

    /**
     * Adds {@code vectors[i]} under {@code ids[i]} using {@code threads} threads. Every vector is
     * validated first; on bad input nothing is added. If an id repeats, one of its vectors wins
     * (which one is unspecified with more than one thread).
     */
    @Override
    public void addAll(int[] ids, float[][] vectors, int threads) {
        if (ids.length != vectors.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + vectors.length + " vectors");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        for (int i = 0; i < ids.length; i++) {
            requireId(ids[i]);
            try {
                WriteValidator.dense(vectorField, vectors[i]);
            } catch (SchemaViolationException e) {
                String field = "vectors[" + i + "]";
                throw new SchemaViolationException(e.code(), field, field + " (id " + ids[i] + "): " + e.getMessage());
            }
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < ids.length; i = next.getAndIncrement()) {
                insert(ids[i], vectors[i]);
                repairIfDue();
            }
        };
        if (threads == 1) {
            worker.run();
        } else {
            runOnThreads(worker, threads);
        }
        connectUnreachable();
    }

    @Override
    public IndexConfig config() {
        return config.withEfSearch(efSearch);
    }

    @Override
    public void add(int id, float[] vector) {
        requireId(id);
        WriteValidator.dense(vectorField, vector);
        insert(id, vector);
        repairIfDue();
        if (addsSincePass.incrementAndGet() >= connectDue()) {
            connectOnceDue(this::connectDue);
        }
    }

    @Override
    public boolean remove(int id) {
        structure.readLock().lock();
        try {
            int ordinal = ids.remove(id);
            if (ordinal < 0) {
                return false;
            }
            retired.push(ordinal);
        } finally {
            structure.readLock().unlock();
        }
        repairIfDue();
        return true;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        WriteValidator.dense(queryField, request.query());
        if (ids.size() == 0) {
            return List.of();
        }
        int ef = Math.max(request.ef() > 0 ? request.ef() : efSearch, request.k());
        KnnSearch search = searches.take();
        try {
            return search.run(request.query(), request.k(), ef, request.filter());
        } finally {
            searches.give(search);
        }
    }

    @Override
    public void setEfSearch(int efSearch) {
        if (efSearch < 1) {
            throw new IllegalArgumentException("ef_search must be positive, got " + efSearch);
        }
        this.efSearch = efSearch;
    }

    @Override
    public int size() {
        return ids.size();
    }

    /** Heap bytes: vectors (or codes, when quantized), graph, id map and ordinal lists. */
    @Override
    public long memoryBytes() {
        return space.bytesPerVector() * space.size() + graph.memoryBytes() + ids.memoryBytes()
                + retired.memoryBytes() + free.memoryBytes();
    }

    /** Bytes of the mapped full-precision vectors of a quantized index (0 unquantized). */
    @Override
    public long mappedBytes() {
        return space.mappedBytes();
    }

    /**
     * Releases the mapped vectors of a quantized index (nothing for an unquantized one); no call
     * may follow, nor run concurrently.
     */
    @Override
    public void close() {
        space.close();
    }

    /**
     * Relinks the graph around every retired ordinal and frees those ordinals for reuse; returns
     * how many were freed. Runs by itself as deletes accumulate; call it to reclaim at once.
     */
    public int repairDeletions() {
        structure.writeLock().lock();
        try {
            int[] batch = retired.drain();
            if (batch.length == 0) {
                return 0;
            }
            BitSet removed = new BitSet(graph.size());
            for (int ordinal : batch) {
                removed.set(ordinal);
            }
            repair.repair(removed);
            connect(null);
            free.pushAll(batch);
            return batch.length;
        } finally {
            structure.writeLock().unlock();
        }
    }

    /**
     * Relinks every node that level 0 has cut off, one way or the other, from the rest of the
     * graph (see {@link GraphConnectivity}) and returns how many there were. A bulk add, a
     * repair pass, a snapshot and every {@link #CONNECT_FRACTION} of the graph in single adds
     * run it; online inserts rarely cut a node off between them.
     * Waits for in-flight inserts; searches go on.
     */
    public int connectUnreachable() {
        structure.writeLock().lock();
        try {
            int[] retiredNow = retired.toArray();
            BitSet avoid = new BitSet(graph.size());
            for (int ordinal : retiredNow) {
                avoid.set(ordinal);
            }
            return connect(avoid);
        } finally {
            structure.writeLock().unlock();
        }
    }

    /**
     * Runs a connectivity pass if single adds since the last one reach
     * {@link #SETTLE_CONNECT_FRACTION} of the graph: the cut-off nodes that online inserts left
     * behind are linked in while no writer waits (the pass holds inserts back, searches go on).
     */
    @Override
    public void settle() {
        if (addsSincePass.get() >= settleDue()) {
            connectOnceDue(this::settleDue);
        }
    }

    private int settleDue() {
        return Math.max(1, (int) (SETTLE_CONNECT_FRACTION * graph.size()));
    }

    /** Connectivity passes run so far (after bulk adds, repairs, snapshots and accumulated single adds). */
    int connectivityPasses() {
        return passes.get();
    }

    private int connectDue() {
        return Math.max(MIN_CONNECT_BATCH, (int) (CONNECT_FRACTION * graph.size()));
    }

    /** Runs the pass unless another thread ran it since the count came due. */
    private void connectOnceDue(IntSupplier due) {
        structure.writeLock().lock();
        try {
            if (addsSincePass.get() >= due.getAsInt()) {
                connectUnreachable();
            }
        } finally {
            structure.writeLock().unlock();
        }
    }

    /** One connectivity pass; the caller holds the structure lock exclusively. */
    private int connect(BitSet avoid) {
        addsSincePass.set(0);
        passes.incrementAndGet();
        return connectivity.connect(avoid);
    }

    /** The graph, for tests of its structure and for snapshots. */
    HnswGraph graph() {
        return graph;
    }

    HnswOptions options() {
        return options;
    }

    ScoringSpace space() {
        return space;
    }

    IdMap ids() {
        return ids;
    }

    LevelGenerator levels() {
        return levels;
    }

    /**
     * Held shared by every insert and remove, exclusively by repair. A snapshot holds it
     * exclusively to see one consistent state while searches go on.
     */
    ReentrantReadWriteLock structure() {
        return structure;
    }

    /** Ordinals removed from the id map whose nodes still await repair (a copy). */
    int[] retiredOrdinals() {
        return retired.toArray();
    }

    /** Repaired ordinals waiting for reuse (a copy). */
    int[] freeOrdinals() {
        return free.toArray();
    }

    /** Hands over a restored index's retired and free ordinals; before the index is shared. */
    void restoreOrdinals(int[] retiredOrdinals, int[] freeOrdinals) {
        retired.pushAll(retiredOrdinals);
        free.pushAll(freeOrdinals);
    }

    /** Ordinals allocated in the space (live, retired and free); for tests of reuse. */
    int ordinalCount() {
        return space.size();
    }

    /** Stores, links and then publishes one validated vector. */
    private void insert(int id, float[] vector) {
        structure.readLock().lock();
        try {
            int ordinal = store(vector);
            HnswBuilder builder = builders.take();
            try {
                builder.insert(ordinal, levels.next());
            } finally {
                builders.give(builder);
            }
            int replaced = ids.put(id, ordinal);
            if (replaced >= 0) {
                retired.push(replaced);
            }
        } finally {
            structure.readLock().unlock();
        }
    }

    /** Writes the vector into a freed ordinal's slot, or appends it; returns the ordinal. */
    private int store(float[] vector) {
        int reused = free.pop();
        if (reused < 0) {
            return space.add(vector);
        }
        try {
            space.set(reused, vector);
            return reused;
        } catch (RuntimeException e) {
            free.push(reused);
            throw e;
        }
    }

    private void repairIfDue() {
        int due = Math.max(MIN_REPAIR_BATCH, (int) (REPAIR_FRACTION * graph.size()));
        if (retired.size() >= due) {
            repairDeletions();
        }
    }

    private static void requireId(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("ids must be non-negative, got " + id);
        }
    }

    private static void runOnThreads(Runnable worker, int threads) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            Future<?>[] running = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                running[t] = pool.submit(worker);
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("bulk insert failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during bulk insert", e);
        }
    }

    /** A growable stack of ordinals; thread-safe (its own monitor). */
    private static final class OrdinalStack {
        private int[] items = new int[16];
        private int size;

        synchronized void push(int ordinal) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = ordinal;
        }

        synchronized void pushAll(int[] ordinals) {
            for (int ordinal : ordinals) {
                push(ordinal);
            }
        }

        /** The most recently pushed ordinal, removed; −1 if empty. */
        synchronized int pop() {
            return size == 0 ? -1 : items[--size];
        }

        synchronized int[] toArray() {
            return Arrays.copyOf(items, size);
        }

        synchronized int[] drain() {
            int[] all = Arrays.copyOf(items, size);
            size = 0;
            return all;
        }

        synchronized int size() {
            return size;
        }

        synchronized long memoryBytes() {
            return 16 + 4L * items.length;
        }
    }
}
