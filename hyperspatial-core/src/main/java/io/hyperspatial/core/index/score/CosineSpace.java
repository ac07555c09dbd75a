package io.hyperspatial.core.index.score;

/**
 * Cosine distance 1 − cos(u, v). Vectors are normalised when stored (their norm is kept in the
 * slot's last float so the original can be given back), so scoring is one dot product.
 * Thread-safe.
 */
public final class CosineSpace extends FloatScoringSpace {

    public CosineSpace(int dimension) {
        super(dimension, dimension + 1);
    }

    @Override
    protected float[] prepare(float[] vector) {
        double norm = Math.sqrt(squaredNorm(vector));
        if (!(norm > 0)) {
            throw new IllegalArgumentException("a zero vector has no cosine distance");
        }
        float[] slot = new float[dimension + 1];
        for (int i = 0; i < dimension; i++) {
            slot[i] = (float) (vector[i] / norm);
        }
        slot[dimension] = (float) norm;
        return slot;
    }

    @Override
    protected float[] restore(float[] slot) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = slot[i] * slot[dimension];
        }
        return v;
    }

    @Override
    protected float score(float[] a, int ao, float[] b, int bo) {
        return 1f - kernels.dot(a, ao, b, bo, dimension);
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
