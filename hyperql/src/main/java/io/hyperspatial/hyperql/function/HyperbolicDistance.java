package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.exec.Casts;
import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.value.Vector;

/**
 * {@code hdist(a, b)}: the hyperbolic distance between two points of the Poincaré ball (curvature
 * −1), {@code acosh(1 + 2|a−b|² / ((1−|a|²)(1−|b|²)))}, in double precision. This form keeps its
 * precision near the boundary, where {@code 1−|x|²} is small, better than the artanh form; the
 * argument of acosh is computed as {@code 1 + δ} and acosh as {@code log1p(δ + sqrt(δ(δ+2)))}, so
 * small distances do not cancel. NULL when either point is NULL; an error naming the call when a
 * point is not strictly inside the unit ball or the dimensions differ. Stateless.
 */
public final class HyperbolicDistance {
    private HyperbolicDistance() {
    }

    /** The function for one call site; {@code where} names it in error messages (e.g. {@code "hdist at 1:8"}). */
    public static ScalarFunction at(String where) {
        return new ScalarFunction("hdist", 2, 2, true, a -> {
            if (a[0] == null || a[1] == null) {
                return null;
            }
            return of(Casts.toVector(a[0]), Casts.toVector(a[1]), where);
        });
    }

    /** The distance between two points of the ball; {@code where} names the expression in errors. */
    public static double of(Vector a, Vector b, String where) {
        float[] x = a.components();
        float[] y = b.components();
        if (x.length != y.length) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, where + ": points of different dimensions: "
                    + x.length + " and " + y.length);
        }
        double nx = 0;
        double ny = 0;
        double diff = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            diff += d * d;
            nx += (double) x[i] * x[i];
            ny += (double) y[i] * y[i];
        }
        double ax = inside(nx, "first", where);
        double ay = inside(ny, "second", where);
        double delta = 2 * diff / (ax * ay);
        return Math.log1p(delta + Math.sqrt(delta * (delta + 2)));
    }

    /** {@code 1 − |x|²}, checked to be positive. */
    private static double inside(double squaredNorm, String which, String where) {
        double gap = 1 - squaredNorm;
        if (!(gap > 0)) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, where + ": the " + which
                    + " point lies outside the open unit ball (norm " + Math.sqrt(squaredNorm)
                    + "); Poincaré-ball points need a norm below 1");
        }
        return gap;
    }
}
