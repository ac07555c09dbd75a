package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;

import java.nio.file.Path;

/**
 * An exact float32 space whose prepared vectors live in a {@link MappedVectorStorage} instead of
 * on the heap: the full-precision side of a quantized index, which the graph reads only to rerank
 * a query's best candidates, to scan small allow-lists and to report distances, while traversal
 * reads the codes. The metric's arithmetic (how a vector is prepared into a slot, how two slots
 * score, the distance of a score) is that of the heap space of the same metric, {@code metric},
 * which holds no vectors itself; so scores are bit-identical to the heap space's.
 *
 * <p>A scorer copies each slot it scores into its own scratch array (kernels take arrays); that
 * costs one copy of the slot per score, which rerank and small scans can afford and traversal of
 * quantized indexes never pays.
 *
 * <p>Thread-safe as {@link ScoringSpace} requires (adds serialised by the storage; scorers are
 * per search). {@link #close} unmaps and deletes the file.
 */
public final class MappedFloatSpace implements ExactScoringSpace {
    private final FloatScoringSpace metric;
    private final MappedVectorStorage storage;

    /**
     * An empty space of the metric of {@code metric} (which must be empty: only its arithmetic is
     * used) over a new vector file in {@code directory}.
     */
    public MappedFloatSpace(FloatScoringSpace metric, Path directory) {
        if (metric.size() != 0) {
            throw new IllegalArgumentException("the metric's space must be empty, it holds " + metric.size());
        }
        this.metric = metric;
        this.storage = new MappedVectorStorage(directory, metric.stride());
    }

    /** An empty mapped space for an index's metric, dimension and curvature. */
    public static MappedFloatSpace create(IndexConfig config, Path directory) {
        return new MappedFloatSpace(ScoringSpaces.create(config), directory);
    }

    @Override
    public int dimension() {
        return metric.dimension();
    }

    @Override
    public int size() {
        return storage.size();
    }

    @Override
    public int add(float[] vector) {
        return storage.add(metric.slotOf(vector));
    }

    @Override
    public void set(int ordinal, float[] vector) {
        storage.set(ordinal, metric.slotOf(vector));
    }

    @Override
    public NodeScorer scorer(float[] query) {
        return new CopyingScorer(metric.slotOf(query));
    }

    @Override
    public NodeScorer scorer(int ordinal) {
        return new CopyingScorer(storage.copy(ordinal));
    }

    @Override
    public float distance(float score) {
        return metric.distance(score);
    }

    @Override
    public float[] vector(int ordinal) {
        return metric.vectorOf(storage.copy(ordinal));
    }

    /** Nothing per vector on the heap: the slots are in the mapped file ({@link #mappedBytes}). */
    @Override
    public long bytesPerVector() {
        return 0;
    }

    @Override
    public long mappedBytes() {
        return storage.mappedBytes();
    }

    @Override
    public VectorSlots slots() {
        return storage;
    }

    @Override
    public void close() {
        storage.close();
    }

    /** Scores stored slots against one prepared slot through a scratch copy. Not thread-safe. */
    private final class CopyingScorer implements NodeScorer {
        private final float[] slot;
        private final float[] scratch;

        CopyingScorer(float[] slot) {
            this.slot = slot;
            this.scratch = new float[slot.length];
        }

        @Override
        public float score(int ordinal) {
            storage.read(ordinal, scratch);
            return metric.score(slot, scratch);
        }
    }
}
