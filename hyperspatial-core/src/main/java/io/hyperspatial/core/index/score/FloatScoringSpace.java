package io.hyperspatial.core.index.score;

import io.hyperspatial.core.vector.VectorKernels;

/**
 * Exact float32 scoring over {@link FloatVectorStorage}. Each metric decides how a vector is
 * prepared into a slot (normalised, with a cached factor…) and how two slots score; scoring reads
 * slots in place through {@link VectorKernels}. Thread-safe as {@link ScoringSpace} requires.
 */
public abstract sealed class FloatScoringSpace implements ScoringSpace
        permits L2Space, DotSpace, CosineSpace, PoincareSpace, LorentzSpace {

    protected final int dimension;
    protected final FloatVectorStorage storage;
    protected final VectorKernels kernels = VectorKernels.get();

    protected FloatScoringSpace(int dimension, int stride) {
        this.dimension = dimension;
        this.storage = new FloatVectorStorage(stride);
    }

    /** The slot stored for a validated vector. */
    protected abstract float[] prepare(float[] vector);

    /** The vector a slot was prepared from. */
    protected abstract float[] restore(float[] slot);

    /** Score of two slots, {@code a} at {@code ao} and {@code b} at {@code bo}; lower is closer. */
    protected abstract float score(float[] a, int ao, float[] b, int bo);

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int size() {
        return storage.size();
    }

    @Override
    public int add(float[] vector) {
        return storage.add(prepare(checked(vector)));
    }

    @Override
    public void set(int ordinal, float[] vector) {
        storage.set(ordinal, prepare(checked(vector)));
    }

    @Override
    public NodeScorer scorer(float[] query) {
        return scorerOfSlot(prepare(checked(query)));
    }

    @Override
    public NodeScorer scorer(int ordinal) {
        return scorerOfSlot(storage.copy(ordinal));
    }

    private NodeScorer scorerOfSlot(float[] slot) {
        FloatVectorStorage s = storage;
        return ordinal -> score(slot, 0, s.page(ordinal), s.offset(ordinal));
    }

    @Override
    public float[] vector(int ordinal) {
        return restore(storage.copy(ordinal));
    }

    @Override
    public long bytesPerVector() {
        return (long) storage.stride() * Float.BYTES;
    }

    private float[] checked(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of dimension " + vector.length + ", the space has " + dimension);
        }
        return vector;
    }

    /** Squared Euclidean norm in double. */
    protected static double squaredNorm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s;
    }
}
