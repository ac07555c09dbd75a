package io.hyperspatial.core.geometry;

import java.util.Objects;

/**
 * Euclidean arithmetic and argument checks on coordinate arrays, shared by the models. Stateless;
 * every method allocates its result and never modifies its arguments.
 */
final class Vectors {
    private Vectors() {
    }

    /** Checks that {@code v} is non-null, non-empty and finite; names the first bad coordinate. */
    static void requireFinite(String name, double[] v) {
        Objects.requireNonNull(v, name);
        if (v.length == 0) {
            throw new IllegalArgumentException(name + " has no coordinates");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + v[i] + "; coordinates must be finite");
            }
        }
    }

    static void requireSameDimension(String aName, double[] a, String bName, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " has dimension " + a.length + " but " + bName
                    + " has dimension " + b.length);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double squaredNorm(double[] a) {
        return dot(a, a);
    }

    /** ‖a‖, rescaled when the sum of squares would overflow. */
    static double norm(double[] a) {
        double s = squaredNorm(a);
        if (s != Double.POSITIVE_INFINITY) {
            return Math.sqrt(s);
        }
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        double scaled = 0;
        for (double v : a) {
            double r = v / max;
            scaled += r * r;
        }
        return max * Math.sqrt(scaled);
    }

    /**
     * 1 − c‖x‖², correct to a few ulps of the result even when it is tiny (x near the boundary of the
     * ball of radius 1/√c): the squares and their sum are carried in double-double (Dekker's exact
     * product through fma, Knuth's two-sum), so the cancellation against 1 happens on exact values.
     * Computed plainly, its relative error would be about 1e-16/(1 − c‖x‖²).
     */
    static double oneMinusScaledSquaredNorm(double c, double[] x) {
        double hi = 0;
        double lo = 0;
        for (double v : x) {
            double p = v * v;
            double pErr = Math.fma(v, v, -p);
            double s = hi + p;
            double back = s - hi;
            lo += (hi - (s - back)) + (p - back) + pErr;
            hi = s;
        }
        double scaled = c * hi;
        double scaledErr = Math.fma(c, hi, -scaled);
        return (1 - scaled) - scaledErr - c * lo;
    }

    /** ‖a − b‖², summed from the coordinate differences, so it is accurate for nearby points. */
    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    static double[] add(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    static double[] subtract(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    static double[] scale(double s, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = s * a[i];
        }
        return r;
    }

    /** s·a + t·b. */
    static double[] combine(double s, double[] a, double t, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = s * a[i] + t * b[i];
        }
        return r;
    }

    static double[] negate(double[] a) {
        return scale(-1, a);
    }
}
