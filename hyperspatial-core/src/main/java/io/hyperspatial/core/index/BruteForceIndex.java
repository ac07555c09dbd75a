package io.hyperspatial.core.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An exact {@link VectorIndex}: every search scores the query against every stored vector (or
 * every allowed one when the request has a filter), so recall is 1 at any ef. It is the right
 * index for small collections and the ground truth the approximate indexes are measured against.
 *
 * <p>Vectors are validated for the metric and curvature before anything is stored (a
 * {@link io.hyperspatial.manifold.error.SchemaViolationException} names the vector), then kept
 * in one flat float array, prepared as the metric needs (cosine vectors normalised, Poincaré's
 * conformal factor or a Lorentz point's radius cached per vector). Removal moves the last vector
 * into the freed slot and the arrays shrink when a quarter full, so space is reclaimed at once. Ties in distance are
 * broken by the smaller id. Search costs O(n·d), or O(|filter|·d) when the filter is smaller
 * than the index.
 *
 * <p>Thread-safe: searches share a read lock and run concurrently; adds and removes take the
 * write lock. The quantization of the config is ignored: vectors are always kept in float32.
 */
public final class BruteForceIndex implements VectorIndex {
    private static final int MIN_CAPACITY = 16;

    private final IndexConfig config;
    private final ExactMetric metric;
    private final int dimension;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final IdSlots slots = new IdSlots();
    private volatile int efSearch;

    private float[] vectors;
    private double[] factors;
    private int[] ids;
    private int size;

    public BruteForceIndex(IndexConfig config) {
        this.config = config;
        this.metric = new ExactMetric(config);
        this.dimension = config.dimension();
        this.efSearch = config.efSearch();
        allocate(MIN_CAPACITY);
    }

    /**
     * An index holding {@code vectors[i]} under {@code ids[i]}. Every vector is validated before
     * any is stored; a later duplicate id replaces an earlier one.
     */
    public static BruteForceIndex build(IndexConfig config, int[] ids, float[][] vectors) {
        BruteForceIndex index = new BruteForceIndex(config);
        index.addAll(ids, vectors, 1);
        return index;
    }

    @Override
    public IndexConfig config() {
        return config.withEfSearch(efSearch);
    }

    @Override
    public void add(int id, float[] vector) {
        requireId(id);
        float[] prepared = prepare(id, vector);
        double factor = metric.factor(vector);
        lock.writeLock().lock();
        try {
            store(id, prepared, factor);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds many vectors at once: all are validated before any is stored, then stored under one
     * write lock. Exact search needs no graph, so {@code threads} is not used.
     */
    @Override
    public void addAll(int[] ids, float[][] vectors, int threads) {
        if (ids.length != vectors.length) {
            throw new IllegalArgumentException(ids.length + " ids for " + vectors.length + " vectors");
        }
        float[][] prepared = new float[vectors.length][];
        double[] preparedFactors = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            requireId(ids[i]);
            prepared[i] = prepare(ids[i], vectors[i]);
            preparedFactors[i] = metric.factor(vectors[i]);
        }
        lock.writeLock().lock();
        try {
            if (ids.length > this.ids.length - size) {
                resize(Math.max(MIN_CAPACITY, size + ids.length));
            }
            for (int i = 0; i < prepared.length; i++) {
                store(ids[i], prepared[i], preparedFactors[i]);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean remove(int id) {
        lock.writeLock().lock();
        try {
            int slot = slots.remove(id);
            if (slot < 0) {
                return false;
            }
            int last = --size;
            if (slot != last) {
                System.arraycopy(vectors, last * dimension, vectors, slot * dimension, dimension);
                factors[slot] = factors[last];
                ids[slot] = ids[last];
                slots.put(ids[slot], slot);
            }
            if (ids.length > MIN_CAPACITY && 4 * size < ids.length) {
                resize(Math.max(MIN_CAPACITY, 2 * size));
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        metric.validate("query", request.query());
        float[] query = metric.prepare(request.query());
        double queryFactor = metric.factor(request.query());
        RoaringBitmap filter = request.filter();
        TopHits top = new TopHits(request.k());
        lock.readLock().lock();
        try {
            if (filter == null) {
                for (int slot = 0; slot < size; slot++) {
                    top.offer(score(query, queryFactor, slot), ids[slot]);
                }
            } else if (filter.getLongCardinality() < size) {
                for (IntIterator it = filter.getIntIterator(); it.hasNext(); ) {
                    int slot = slots.get(it.next());
                    if (slot >= 0) {
                        top.offer(score(query, queryFactor, slot), ids[slot]);
                    }
                }
            } else {
                for (int slot = 0; slot < size; slot++) {
                    if (filter.contains(ids[slot])) {
                        top.offer(score(query, queryFactor, slot), ids[slot]);
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return top.hits(metric);
    }

    /** Brute force is exact at any ef; the value is kept only to be reported by {@link #config()}. */
    @Override
    public void setEfSearch(int efSearch) {
        if (efSearch < 1) {
            throw new IllegalArgumentException("ef_search must be positive, got " + efSearch);
        }
        this.efSearch = efSearch;
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long memoryBytes() {
        lock.readLock().lock();
        try {
            return 4L * vectors.length + 8L * factors.length + 4L * ids.length + slots.memoryBytes() + 128;
        } finally {
            lock.readLock().unlock();
        }
    }

    private float[] prepare(int id, float[] vector) {
        metric.validate("vector of id " + id, vector);
        return metric.prepare(vector);
    }

    private static void requireId(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("ids must not be negative, got " + id);
        }
    }

    /** Stores a prepared vector and its factor under an id, replacing the id's vector if present. Holds the write lock. */
    private void store(int id, float[] prepared, double factor) {
        int slot = slots.get(id);
        if (slot < 0) {
            if (size == ids.length) {
                resize(2 * ids.length);
            }
            slot = size++;
            ids[slot] = id;
            slots.put(id, slot);
        }
        System.arraycopy(prepared, 0, vectors, slot * dimension, dimension);
        factors[slot] = factor;
    }

    private double score(float[] query, double queryFactor, int slot) {
        return metric.score(query, queryFactor, vectors, slot * dimension, factors[slot]);
    }

    private void allocate(int capacity) {
        vectors = new float[Math.multiplyExact(capacity, dimension)];
        factors = new double[capacity];
        ids = new int[capacity];
    }

    private void resize(int capacity) {
        vectors = Arrays.copyOf(vectors, Math.multiplyExact(capacity, dimension));
        factors = Arrays.copyOf(factors, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    /** The k best (score, id) pairs seen, kept in a max-heap on (score, id) so the worst is at the root. */
    private static final class TopHits {
        private final double[] scores;
        private final int[] hitIds;
        private int count;

        TopHits(int k) {
            scores = new double[k];
            hitIds = new int[k];
        }

        void offer(double score, int id) {
            if (count < scores.length) {
                int i = count++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (!worse(score, id, scores[parent], hitIds[parent])) {
                        break;
                    }
                    scores[i] = scores[parent];
                    hitIds[i] = hitIds[parent];
                    i = parent;
                }
                scores[i] = score;
                hitIds[i] = id;
            } else if (worse(scores[0], hitIds[0], score, id)) {
                siftDown(score, id);
            }
        }

        /** Replaces the root and restores the heap. */
        private void siftDown(double score, int id) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= count) {
                    break;
                }
                if (child + 1 < count && worse(scores[child + 1], hitIds[child + 1], scores[child], hitIds[child])) {
                    child++;
                }
                if (!worse(scores[child], hitIds[child], score, id)) {
                    break;
                }
                scores[i] = scores[child];
                hitIds[i] = hitIds[child];
                i = child;
            }
            scores[i] = score;
            hitIds[i] = id;
        }

        private static boolean worse(double s1, int id1, double s2, int id2) {
            return s1 > s2 || (s1 == s2 && id1 > id2);
        }

        List<SearchHit> hits(ExactMetric metric) {
            SearchHit[] out = new SearchHit[count];
            for (int n = count; n > 0; n--) {
                double score = scores[0];
                int id = hitIds[0];
                count--;
                if (count > 0) {
                    siftDown(scores[count], hitIds[count]);
                }
                out[n - 1] = new SearchHit(id, metric.distance(score));
            }
            return new ArrayList<>(Arrays.asList(out));
        }
    }
}
