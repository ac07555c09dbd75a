package io.hyperspatial.core.index.score;

import io.hyperspatial.core.geometry.HyperbolicFunctions;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;

/**
 * The Poincaré ball of curvature −c: d(u,v) = acosh(1 + 2c‖u−v‖²·α_u·α_v)/√c with the conformal
 * factor α = 1/(1 − c‖x‖²). α is computed in double when a vector is stored and cached in the
 * slot's last float, so a score is one squared distance and two multiplications; acosh runs only
 * for reported distances. Scores are float32: the squared difference is taken directly, so close
 * points near the boundary keep their relative precision, and α (up to ~1e7 at ‖x‖ = 1 − 1e-7)
 * fits float's range. Thread-safe.
 */
public final class PoincareSpace extends FloatScoringSpace {
    private final double c;
    private final double sqrtC;

    public PoincareSpace(int dimension, double curvature) {
        super(dimension, dimension + 1);
        this.c = curvature;
        this.sqrtC = Math.sqrt(curvature);
    }

    @Override
    protected float[] prepare(float[] vector) {
        double inside = 1 - c * squaredNorm(vector);
        if (!(inside > 0)) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, "vector", "a Poincaré point of curvature -"
                    + c + " must have norm below " + (1 / sqrtC) + ", got " + Math.sqrt(squaredNorm(vector)));
        }
        float[] slot = new float[dimension + 1];
        System.arraycopy(vector, 0, slot, 0, dimension);
        slot[dimension] = (float) (1 / inside);
        return slot;
    }

    @Override
    protected float[] restore(float[] slot) {
        float[] v = new float[dimension];
        System.arraycopy(slot, 0, v, 0, dimension);
        return v;
    }

    @Override
    protected float score(float[] a, int ao, float[] b, int bo) {
        return kernels.squareDistance(a, ao, b, bo, dimension) * a[ao + dimension] * b[bo + dimension];
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
        return (float) (HyperbolicFunctions.acosh1p(2 * c * score) / sqrtC);
    }
}
