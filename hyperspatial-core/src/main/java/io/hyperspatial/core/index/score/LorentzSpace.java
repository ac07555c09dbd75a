package io.hyperspatial.core.index.score;

import io.hyperspatial.core.geometry.HyperbolicFunctions;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;

/**
 * The Lorentz hyperboloid ⟨x,x⟩_L = −1/c, x₀ > 0 (time coordinate first), scored in geodesic polar
 * form so that points far from the origin keep their neighbourhoods in float32.
 *
 * <p>A point is x = (cosh r, sinh r·n)/√c with r = √c·ρ, ρ its distance from the origin and n a
 * unit direction. Its slot holds n, then sinh r, e^{r/2} and e^{−r/2}, computed in double from the
 * given coordinates. The score of two points is
 * <pre>  2·(cosh √c·d − 1) = (e^{ru/2}e^{−rv/2} − e^{rv/2}e^{−ru/2})² + sinh ru·sinh rv·‖nu − nv‖²</pre>
 * which equals −2c⟨u,v⟩_L − 2 and so ranks like −⟨u,v⟩_L, but is a sum of two non-negative terms:
 * nothing cancels. Read off the coordinates instead, −⟨u,v⟩_L is a difference of products of size
 * cosh² r, and even the Minkowski square of the difference ‖u_s − v_s‖² − (u₀ − v₀)² cancels for
 * a parent and child in nearly the same direction. At r = 28, where a WordNet noun hierarchy ends,
 * float32 coordinates of 10^12 blur every neighbourhood; the polar terms keep about seven digits.
 *
 * <p>Products are taken in double and the score rounded to float at the end; a score beyond
 * float's range (cosh √c·d above 10^38, far pairs only) saturates at infinity. The given
 * coordinates come back from {@link #vector} projected onto the hyperboloid, to float rounding.
 * Distance: acosh(1 + score/2)/√c. Thread-safe.
 */
public final class LorentzSpace extends FloatScoringSpace {
    private static final double TOLERANCE = 1e-3;

    private final double c;
    private final double sqrtC;
    /** Space coordinates: the direction's length. */
    private final int spaceDims;

    public LorentzSpace(int dimension, double curvature) {
        super(dimension, dimension + 2);
        if (dimension < 2) {
            throw new IllegalArgumentException("a Lorentz space needs dimension >= 2 (time coordinate first)");
        }
        this.c = curvature;
        this.sqrtC = Math.sqrt(curvature);
        this.spaceDims = dimension - 1;
    }

    @Override
    protected float[] prepare(float[] vector) {
        double x0 = vector[0];
        double spaceNorm = spaceNorm(vector);
        double minkowski = spaceNorm * spaceNorm - x0 * x0;
        if (!(x0 > 0) || Math.abs(c * minkowski + 1) > TOLERANCE * Math.max(1, c * x0 * x0)) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, "vector", "a Lorentz point of curvature -"
                    + c + " needs x0 > 0 and <x,x>_L = " + (-1 / c) + ", got x0=" + x0 + ", <x,x>_L=" + minkowski);
        }
        double sinh = sqrtC * spaceNorm;
        double r = HyperbolicFunctions.asinh(sinh);
        float[] slot = new float[spaceDims + 3];
        if (spaceNorm > 0) {
            for (int i = 0; i < spaceDims; i++) {
                slot[i] = (float) (vector[i + 1] / spaceNorm);
            }
        }
        slot[spaceDims] = (float) Math.min(sinh, Float.MAX_VALUE);
        slot[spaceDims + 1] = (float) Math.exp(r / 2);
        slot[spaceDims + 2] = (float) Math.exp(-r / 2);
        return slot;
    }

    /**
     * ‖x_s‖, the length of a Lorentz point's space part (time coordinate first), summed in double
     * directly: near the origin x₀² − 1/c would cancel.
     */
    public static double spaceNorm(float[] x) {
        double sq = 0;
        for (int i = 1; i < x.length; i++) {
            sq += (double) x[i] * x[i];
        }
        return Math.sqrt(sq);
    }

    @Override
    protected float[] restore(float[] slot) {
        double up = slot[spaceDims + 1];
        double down = slot[spaceDims + 2];
        float[] v = new float[dimension];
        v[0] = (float) ((up * up + down * down) / (2 * sqrtC));
        double scale = slot[spaceDims] / sqrtC;
        for (int i = 0; i < spaceDims; i++) {
            v[i + 1] = (float) (scale * slot[i]);
        }
        return v;
    }

    @Override
    protected float score(float[] a, int ao, float[] b, int bo) {
        int s = spaceDims;
        double radial = (double) a[ao + s + 1] * b[bo + s + 2] - (double) b[bo + s + 1] * a[ao + s + 2];
        double angular = kernels.squareDistance(a, ao, b, bo, s);
        return (float) (radial * radial + (double) a[ao + s] * b[bo + s] * angular);
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
        return (float) (HyperbolicFunctions.acosh1p(Math.max(0, score) / 2) / sqrtC);
    }
}
