package io.hyperspatial.core.geometry;

import static io.hyperspatial.core.geometry.HyperbolicFunctions.asinh;

/**
 * The Poincaré ball model of hyperbolic space with sectional curvature −c: the open ball of radius
 * 1/√c with the metric λ_x²·⟨·,·⟩, where λ_x = 2/(1−c‖x‖²) is the conformal factor. Points and
 * tangent vectors are {@code double[]} of any dimension n ≥ 1; every argument is validated (finite
 * coordinates, equal dimensions, points strictly inside the ball) and a bad one raises
 * {@link IllegalArgumentException} naming it.
 *
 * <p>Numerics. 1 − c‖x‖² is evaluated in double-double, so it is right to a few ulps for the
 * coordinates given, however close to the boundary; differences of nearby points are taken
 * coordinate by coordinate; Möbius sums are rewritten so that they never subtract large terms. What
 * remains is the representation itself: one ulp of a coordinate of a point 1 − ε from the boundary
 * is about 1e-16/ε of hyperbolic distance, so points computed there carry errors of that size.
 * Results that are points are pulled back to at most {@link #maxNorm()} =
 * (1 − {@value #BOUNDARY_EPSILON})/√c from the centre; see {@link #project}. No method returns NaN or
 * an infinity for valid arguments.
 *
 * <p>Immutable and thread-safe; methods allocate their results and never modify their arguments.
 */
public final class PoincareBall {
    /**
     * How close to the boundary, relative to its radius 1/√c, a result may lie. At √c‖x‖ = 1 − 1e-10 a
     * point is 2·artanh(1 − 1e-10)/√c ≈ 23.7/√c from the centre, and one ulp of a coordinate moves it
     * by about 1e-6/√c, so computed points there still have about six good digits; nearer the boundary
     * they decay to noise. (A float32 ulp, 6e-8 near 1, already moves a point at 1 − 1e-3 by 6e-5;
     * docs/geometry.md has measured float32 errors.)
     */
    public static final double BOUNDARY_EPSILON = 1e-10;

    /** The ball of curvature −1. */
    public static final PoincareBall UNIT = new PoincareBall(1);

    private final double c;
    private final double sqrtC;
    private final double maxNorm;

    /** The ball of curvature −c, c > 0 and finite. */
    public PoincareBall(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be positive and finite (the curvature is -c), got " + c);
        }
        this.c = c;
        this.sqrtC = Math.sqrt(c);
        this.maxNorm = (1 - BOUNDARY_EPSILON) / sqrtC;
    }

    /** The curvature is −c. */
    public double c() {
        return c;
    }

    /** The radius 1/√c of the ball. */
    public double radius() {
        return 1 / sqrtC;
    }

    /** The largest Euclidean norm of a point this ball returns. */
    public double maxNorm() {
        return maxNorm;
    }

    /** Whether {@code x} is a point of the ball: non-empty, finite, and c‖x‖² < 1. */
    public boolean contains(double[] x) {
        if (x == null || x.length == 0) {
            return false;
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return oneMinusCNormSq(x) > 0;
    }

    /** Throws {@link IllegalArgumentException} naming {@code name} unless {@code x} is a point of the ball. */
    public void requirePoint(String name, double[] x) {
        Vectors.requireFinite(name, x);
        if (!(oneMinusCNormSq(x) > 0)) {
            throw new IllegalArgumentException(name + " is not inside the Poincaré ball of curvature -" + c
                    + ": its norm " + Vectors.norm(x) + " is not below the radius 1/sqrt(c) = " + radius());
        }
    }

    /** The conformal factor λ_x = 2/(1 − c‖x‖²): the metric at x is λ_x² times the Euclidean one. */
    public double conformalFactor(double[] x) {
        requirePoint("x", x);
        return 2 / oneMinusCNormSq(x);
    }

    /** The Riemannian norm λ_x·‖v‖ of a tangent vector v at x. */
    public double norm(double[] x, double[] v) {
        requirePoint("x", x);
        requireVector("v", v, x);
        return 2 * Vectors.norm(v) / oneMinusCNormSq(x);
    }

    /**
     * Möbius addition x ⊕_c y = ((1 + 2c⟨x,y⟩ + c‖y‖²)x + (1 − c‖x‖²)y) / (1 + 2c⟨x,y⟩ + c²‖x‖²‖y‖²),
     * the translation taking 0 to x applied to y. Not commutative nor associative; (−x) ⊕ (x ⊕ y) = y.
     */
    public double[] mobiusAdd(double[] x, double[] y) {
        requirePoint("x", x);
        requirePoint("y", y);
        Vectors.requireSameDimension("x", x, "y", y);
        return inside(mobius(x, oneMinusCNormSq(x), y, oneMinusCNormSq(y)));
    }

    /**
     * The geodesic distance d(x,y) = (1/√c)·acosh(1 + 2c‖x−y‖²/((1−c‖x‖²)(1−c‖y‖²))), 0 exactly for
     * identical points.
     */
    public double distance(double[] x, double[] y) {
        requirePoint("x", x);
        requirePoint("y", y);
        Vectors.requireSameDimension("x", x, "y", y);
        return distance(Vectors.squaredDistance(x, y), oneMinusCNormSq(x), oneMinusCNormSq(y));
    }

    /** d(0, x) = (2/√c)·artanh(√c‖x‖). */
    public double distanceFromOrigin(double[] x) {
        requirePoint("x", x);
        return distance(Vectors.squaredNorm(x), 1, oneMinusCNormSq(x));
    }

    /**
     * The exponential map exp_x(v) = x ⊕ (tanh(√c·λ_x‖v‖/2)·v/(√c‖v‖)): the point reached after unit
     * time along the geodesic leaving x with velocity v. A velocity too long to stay representable
     * ends at {@link #maxNorm()} in its direction.
     */
    public double[] expMap(double[] x, double[] v) {
        requirePoint("x", x);
        requireVector("v", v, x);
        double vn = Vectors.norm(v);
        if (vn == 0) {
            return inside(x.clone());
        }
        double ox = oneMinusCNormSq(x);
        double t = sqrtC * vn / ox;
        // 1 − c‖z‖² is sech²(t) exactly; recomputing it from z would lose it once tanh(t) is close to 1.
        double cosh = Math.cosh(t);
        double[] z = Vectors.scale(Math.tanh(t) / sqrtC / vn, v);
        return inside(mobius(x, ox, z, 1 / cosh / cosh));
    }

    /** exp_0(v) = tanh(√c‖v‖)·v/(√c‖v‖). */
    public double[] expMap0(double[] v) {
        Vectors.requireFinite("v", v);
        return expMap(new double[v.length], v);
    }

    /**
     * The logarithmic map log_x(y), the inverse of {@link #expMap}: the velocity at x of the geodesic
     * reaching y at unit time. Its Riemannian norm is d(x,y).
     */
    public double[] logMap(double[] x, double[] y) {
        requirePoint("x", x);
        requirePoint("y", y);
        Vectors.requireSameDimension("x", x, "y", y);
        double[] diff = Vectors.subtract(y, x);
        double diffSq = Vectors.squaredNorm(diff);
        if (diffSq == 0) {
            return new double[x.length];
        }
        double ox = oneMinusCNormSq(x);
        // The textbook form (2/(√c·λ_x))·artanh(√c‖m‖)·m/‖m‖ with m = (−x) ⊕ y saturates once ‖m‖
        // rounds to 1/√c (two far points near the boundary). Only m's direction is taken from it; the
        // length is d(x,y)/λ_x from the stable distance. m's numerator is (1−c‖x‖²)(y−x) − c‖y−x‖²·x.
        double[] m = Vectors.combine(ox, diff, -c * diffSq, x);
        double mn = Vectors.norm(m);
        if (mn == 0) {
            return new double[x.length];
        }
        double d = distance(diffSq, ox, oneMinusCNormSq(y));
        return Vectors.scale(d * ox / 2 / mn, m);
    }

    /** log_0(y) = artanh(√c‖y‖)·y/(√c‖y‖). */
    public double[] logMap0(double[] y) {
        Vectors.requireFinite("y", y);
        return logMap(new double[y.length], y);
    }

    /** The point at fraction t of the geodesic from x (t = 0) to y (t = 1): exp_x(t·log_x(y)); any finite t. */
    public double[] geodesic(double[] x, double[] y, double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("t must be finite, got " + t);
        }
        return expMap(x, Vectors.scale(t, logMap(x, y)));
    }

    /**
     * Parallel transport of a tangent vector v at x to y along the geodesic:
     * P(v) = (λ_x/λ_y)·gyr[y, −x]v. It preserves Riemannian norms and inner products, and takes
     * log_x(y) to −log_y(x).
     *
     * <p>The gyration is a rotation of the plane spanned by x and y. It is applied as such, with the
     * angle from the complex form gyr[a,b] = (1 + c·a·b̄)/(1 + c·ā·b) of the disc, rather than through
     * the usual closed formula, whose denominator 1 − 2c⟨x,y⟩ + c²‖x‖²‖y‖² cancels to nothing for two
     * close points near the boundary.
     */
    public double[] parallelTransport(double[] x, double[] y, double[] v) {
        requirePoint("x", x);
        requirePoint("y", y);
        Vectors.requireSameDimension("x", x, "y", y);
        requireVector("v", v, x);
        double ox = oneMinusCNormSq(x);
        double oy = oneMinusCNormSq(y);
        double[] result = v.clone();
        double xn = Vectors.norm(x);
        if (xn > 0) {
            double[] e1 = Vectors.scale(1 / xn, x);
            double[] diff = Vectors.subtract(y, x);
            double[] across = Vectors.combine(1, diff, -Vectors.dot(diff, e1), e1);
            double acrossNorm = Vectors.norm(across);
            if (acrossNorm > 0) {
                double[] e2 = Vectors.scale(1 / acrossNorm, across);
                // ζ = 1 − c·y·x̄ in the (e1, e2) plane: re = 1 − c⟨x,y⟩ written as a sum of positive
                // terms, im = −c‖x‖‖y⊥‖. The rotation is by ζ/ζ̄.
                double re = (ox + oy + c * Vectors.squaredNorm(diff)) / 2;
                double im = c * xn * acrossNorm;
                double mod = re * re + im * im;
                double cosMinusOne = -2 * im * im / mod;
                double sin = -2 * re * im / mod;
                double w1 = Vectors.dot(v, e1);
                double w2 = Vectors.dot(v, e2);
                double d1 = cosMinusOne * w1 - sin * w2;
                double d2 = sin * w1 + cosMinusOne * w2;
                for (int i = 0; i < result.length; i++) {
                    result[i] += d1 * e1[i] + d2 * e2[i];
                }
            }
        }
        return Vectors.scale(oy / ox, result);
    }

    /**
     * Brings a point back into the ball: {@code x} itself (a copy) if ‖x‖ ≤ {@link #maxNorm()},
     * otherwise x rescaled to that norm. Use it on points computed outside this class that may have
     * rounded onto or past the boundary. {@code x} must be finite; the zero vector is kept.
     */
    public double[] project(double[] x) {
        Vectors.requireFinite("x", x);
        return inside(x.clone());
    }

    private double[] inside(double[] x) {
        double n = Vectors.norm(x);
        if (n > maxNorm) {
            double s = maxNorm / n;
            for (int i = 0; i < x.length; i++) {
                x[i] *= s;
            }
        }
        return x;
    }

    private double oneMinusCNormSq(double[] x) {
        return Vectors.oneMinusScaledSquaredNorm(c, x);
    }

    /**
     * d = (2/√c)·asinh(√c‖x−y‖/√((1−c‖x‖²)(1−c‖y‖²))), the same value as the acosh form (acosh(1+2s²)
     * = 2·asinh(s)) without forming 1 + tiny for close points, and without the artanh(√c‖(−x)⊕y‖)
     * form's saturation at 1 for far points near the boundary. Every input is computed without
     * cancellation, so the result is as accurate as 1 − c‖x‖² and 1 − c‖y‖² are.
     */
    private double distance(double diffSq, double ox, double oy) {
        if (diffSq == 0) {
            return 0;
        }
        double s = sqrtC * Math.sqrt(diffSq) / (Math.sqrt(ox) * Math.sqrt(oy));
        return 2 * asinh(s) / sqrtC;
    }

    /**
     * x ⊕ y given ox = 1 − c‖x‖² and oy = 1 − c‖y‖². With s = x + y, the numerator
     * (1 + 2c⟨x,y⟩ + c‖y‖²)x + (1 − c‖x‖²)y equals ox·s + c‖s‖²·x and the denominator
     * 1 + 2c⟨x,y⟩ + c²‖x‖²‖y‖² equals ox·oy + c‖s‖²: sums of non-negative terms, so (−x) ⊕ x is 0
     * exactly and x ≈ −y near the boundary does not cancel.
     */
    private double[] mobius(double[] x, double ox, double[] y, double oy) {
        double[] s = Vectors.add(x, y);
        double cs = c * Vectors.squaredNorm(s);
        double den = ox * oy + cs;
        if (den == 0) {
            // Reachable only through rounding: y saturated onto the boundary (oy = 0, from exp with a
            // huge velocity) and x = −y to the last bit. The true sum is a boundary point; keep y's.
            return y.clone();
        }
        return Vectors.combine(ox / den, s, cs / den, x);
    }

    private static void requireVector(String name, double[] v, double[] x) {
        Vectors.requireFinite(name, v);
        Vectors.requireSameDimension("x", x, name, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoincareBall b && Double.compare(c, b.c) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(c);
    }

    @Override
    public String toString() {
        return "PoincareBall[c=" + c + "]";
    }
}
