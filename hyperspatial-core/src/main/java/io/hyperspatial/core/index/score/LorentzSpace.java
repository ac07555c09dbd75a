package io.hyperspatial.core.index.score;

import io.hyperspatial.core.geometry.HyperbolicFunctions;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;

/**
 * The Lorentz hyperboloid ⟨x,x⟩_L = −1/c, x₀ > 0 (time coordinate first). Since
 * −c⟨x,y⟩_L = 1 + (c/2)·⟨x−y, x−y⟩_L, the score is the Minkowski square of the difference,
 * ‖x_s − y_s‖² − (x₀ − y₀)², which ranks like −⟨x,y⟩_L but is computed from differences: far from
 * the origin x₀ grows like e^d and −⟨x,y⟩_L would be a difference of huge products, losing all
 * float32 precision for close points. Distance: acosh(1 + c·score/2)/√c. Thread-safe.
 */
public final class LorentzSpace extends FloatScoringSpace {
    private static final double TOLERANCE = 1e-3;

    private final double c;
    private final double sqrtC;

    public LorentzSpace(int dimension, double curvature) {
        super(dimension, dimension);
        if (dimension < 2) {
            throw new IllegalArgumentException("a Lorentz space needs dimension >= 2 (time coordinate first)");
        }
        this.c = curvature;
        this.sqrtC = Math.sqrt(curvature);
    }

    @Override
    protected float[] prepare(float[] vector) {
        double x0 = vector[0];
        double minkowski = squaredNorm(vector) - 2 * x0 * x0;
        if (!(x0 > 0) || Math.abs(c * minkowski + 1) > TOLERANCE * Math.max(1, c * x0 * x0)) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, "vector", "a Lorentz point of curvature -"
                    + c + " needs x0 > 0 and <x,x>_L = " + (-1 / c) + ", got x0=" + x0 + ", <x,x>_L=" + minkowski);
        }
        return vector.clone();
    }

    @Override
    protected float[] restore(float[] slot) {
        return slot;
    }

    @Override
    protected float score(float[] a, int ao, float[] b, int bo) {
        float dt = a[ao] - b[bo];
        return kernels.squareDistance(a, ao + 1, b, bo + 1, dimension - 1) - dt * dt;
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
        return (float) (HyperbolicFunctions.acosh1p(c * Math.max(0, score) / 2) / sqrtC);
    }
}
