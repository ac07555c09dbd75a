package io.hyperspatial.core.geometry;

/**
 * Inverse hyperbolic functions, which {@link Math} lacks, written to keep full double precision
 * where hyperbolic distances need it: near zero (nearby points) through {@link Math#log1p}, and for
 * huge arguments (points near the boundary) without overflow. The splits follow fdlibm's
 * {@code e_acosh.c}, {@code s_asinh.c} and {@code e_atanh.c}. Outside a function's domain the result
 * is NaN, as for {@link Math}. Stateless and thread-safe.
 */
public final class HyperbolicFunctions {
    private static final double LN2 = Math.log(2);
    /** Above this, √(x² ± 1) equals |x| to double precision. */
    private static final double HUGE = 0x1p28;

    private HyperbolicFunctions() {
    }

    /** The inverse hyperbolic sine; odd, accurate to a few ulps over all doubles. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > HUGE) {
            r = Math.log(a) + LN2;
        } else if (a > 2) {
            r = Math.log(2 * a + 1 / (Math.sqrt(x * x + 1) + a));
        } else {
            r = Math.log1p(a + x * x / (1 + Math.sqrt(1 + x * x)));
        }
        return Math.copySign(r, x);
    }

    /** The inverse hyperbolic cosine for x ≥ 1 (NaN below 1). */
    public static double acosh(double x) {
        if (x > HUGE) {
            return Math.log(x) + LN2;
        }
        if (x > 2) {
            return Math.log(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
        }
        return acosh1p(x - 1);
    }

    /**
     * acosh(1 + t) for t ≥ 0 (NaN below 0), accurate when t is tiny, where forming 1 + t first would
     * round it away. Hyperbolic distances are acosh(1 + small) for nearby points, and the index scores
     * Poincaré vectors by t = 2‖u−v‖²·α_u·α_v.
     */
    public static double acosh1p(double t) {
        if (t > HUGE) {
            return Math.log(t) + LN2;
        }
        if (t > 1) {
            return acosh(1 + t);
        }
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    /** The inverse hyperbolic tangent for |x| ≤ 1: ±∞ at ±1, NaN beyond. */
    public static double atanh(double x) {
        double a = Math.abs(x);
        double r;
        if (a < 0.5) {
            r = 0.5 * Math.log1p(2 * a + 2 * a * a / (1 - a));
        } else {
            r = 0.5 * Math.log1p(2 * a / (1 - a));
        }
        return Math.copySign(r, x);
    }
}
