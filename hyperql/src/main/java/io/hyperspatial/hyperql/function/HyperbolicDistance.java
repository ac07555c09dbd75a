package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.value.Vector;

/**
 * Hyperbolic distances (curvature −1) in double precision. In the Poincaré ball ({@code hdist(a, b)}),
 * from a point's double-precision components where it has them ({@link Vector#precise()}):
 * {@code acosh(1 + 2|a−b|² / ((1−|a|²)(1−|b|²)))}; this form keeps its precision near the boundary,
 * where {@code 1−|x|²} is small, better than the artanh form. On the hyperboloid (time coordinate
 * first): {@code acosh(1 + (|a_s−b_s|² − (a₀−b₀)²)/2)}, the Minkowski square of the difference,
 * which stays accurate where {@code −⟨a,b⟩_L} would be a difference of huge products. The argument
 * of acosh is computed as {@code 1 + δ} and acosh as {@code log1p(δ + sqrt(δ(δ+2)))}, so small
 * distances do not cancel. Points are checked: a Poincaré point needs a norm below 1, a Lorentz
 * point {@code x₀ > 0} and {@code −x₀² + Σxᵢ² = −1} within {@value #LORENTZ_TOLERANCE} (relative to
 * {@code max(1, x₀²)}, as the storage checks float32 points); else {@code HQL_OUT_OF_RANGE} naming
 * the expression. Stateless.
 */
public final class HyperbolicDistance {
    /** How far {@code ⟨x,x⟩_L} of a float32 Lorentz point may stray from −1, relative to {@code max(1, x₀²)}. */
    public static final double LORENTZ_TOLERANCE = 1e-3;

    private HyperbolicDistance() {
    }

    /**
     * The distance between two points of the ball, at the best precision each has (see
     * {@link Vector#precise()}); {@code where} names the expression in errors.
     */
    public static double of(Vector a, Vector b, String where) {
        sameDimensions(a.components(), b.components(), where);
        double diff = 0;
        for (int i = 0; i < a.dimensions(); i++) {
            double d = a.component(i) - b.component(i);
            diff += d * d;
        }
        double ax = 1 - checkPoincare(a, "first", where);
        double ay = 1 - checkPoincare(b, "second", where);
        return acosh1p(2 * diff / (ax * ay));
    }

    /** The distance between two points of the hyperboloid (time first); {@code where} names the expression in errors. */
    public static double lorentz(Vector a, Vector b, String where) {
        float[] x = a.components();
        float[] y = b.components();
        sameDimensions(x, y, where);
        checkLorentz(a, "first", where);
        checkLorentz(b, "second", where);
        double dt = (double) x[0] - y[0];
        double space = 0;
        for (int i = 1; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            space += d * d;
        }
        return acosh1p(Math.max(0, space - dt * dt) / 2);
    }

    /**
     * Checks a point of the open unit ball; returns its squared norm (at the point's best precision).
     *
     * @param which names the point in the message ("first", "second", or a column)
     */
    public static double checkPoincare(Vector p, String which, String where) {
        double sq = 0;
        for (int i = 0; i < p.dimensions(); i++) {
            sq += p.component(i) * p.component(i);
        }
        if (!(sq < 1)) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, where + ": the " + which
                    + " point lies outside the open unit ball (norm " + Math.sqrt(sq)
                    + "); Poincaré-ball points need a norm below 1");
        }
        return sq;
    }

    /** Checks a point of the hyperboloid −x₀² + Σxᵢ² = −1 with x₀ > 0, within {@link #LORENTZ_TOLERANCE}. */
    public static void checkLorentz(Vector p, String which, String where) {
        float[] v = p.components();
        double x0 = v.length == 0 ? 0 : v[0];
        double minkowski = -x0 * x0;
        for (int i = 1; i < v.length; i++) {
            minkowski += (double) v[i] * v[i];
        }
        if (!(x0 > 0) || !(Math.abs(minkowski + 1) <= LORENTZ_TOLERANCE * Math.max(1, x0 * x0))) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, where + ": the " + which
                    + " point is not on the hyperboloid (x0 = " + x0 + ", <x,x>_L = " + minkowski
                    + "); Lorentz points need x0 > 0 and -x0² + Σxi² = -1");
        }
    }

    private static void sameDimensions(float[] x, float[] y, String where) {
        if (x.length != y.length) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, where + ": points of different dimensions: "
                    + x.length + " and " + y.length);
        }
    }

    /** {@code acosh(1 + δ)} without cancellation for small δ. */
    private static double acosh1p(double delta) {
        return Math.log1p(delta + Math.sqrt(delta * (delta + 2)));
    }
}
