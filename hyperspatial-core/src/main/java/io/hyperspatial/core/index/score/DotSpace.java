package io.hyperspatial.core.index.score;

/**
 * Inner-product similarity as a distance: score and distance are −⟨u,v⟩ (the {@code <#>}
 * operator's "negative dot"), so larger inner products rank first. Thread-safe.
 */
public final class DotSpace extends FloatScoringSpace {

    public DotSpace(int dimension) {
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
        return -kernels.dot(a, ao, b, bo, dimension);
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
        return score;
    }
}
