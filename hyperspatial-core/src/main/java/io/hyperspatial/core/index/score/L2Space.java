package io.hyperspatial.core.index.score;

/** Euclidean distance. Score: squared distance; distance: its square root. Thread-safe. */
public final class L2Space extends FloatScoringSpace {

    public L2Space(int dimension) {
        super(dimension, dimension);
    }

    @Override
    protected float[] prepare(float[] vector) {
        return vector.clone();
    }

    @Override
    protected float[] restore(float[] slot) {
        return slot;
    }

    @Override
    protected float score(float[] a, int ao, float[] b, int bo) {
        return kernels.squareDistance(a, ao, b, bo, dimension);
    }

    @Override
    protected void scoreSlots(float[] query, float[][] pages, int[] ordinals, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            int ordinal = ordinals[i];
            out[i] = score(query, 0, pages[storage.pageIndex(ordinal)], storage.offset(ordinal));
        }
    }

    @Override
    public float distance(float score) {
        return (float) Math.sqrt(score);
    }
}
