package io.hyperspatial.core.geometry;

import static io.hyperspatial.core.geometry.HyperbolicFunctions.asinh;

/**
 * The hyperboloid (Lorentz) model of hyperbolic n-space with sectional curvature −c: the upper sheet
 * {x ∈ R^{n+1} : ⟨x,x⟩_L = −1/c, x₀ > 0} of the Minkowski inner product
 * ⟨x,y⟩_L = −x₀y₀ + Σ_{i≥1} xᵢyᵢ, time coordinate first. Tangent vectors at x are the v with
 * ⟨x,v⟩_L = 0. Points are accepted within a relative {@value #ON_HYPERBOLOID_TOLERANCE} of the
 * hyperboloid (so float32-rounded points pass), tangent vectors within the same tolerance of
 * ‖x‖·‖v‖; a bad argument raises {@link IllegalArgumentException} naming it. A tangent vector's time
 * coordinate is implied by its space part, v₀ = ⟨x_s,v_s⟩/x₀: after adding tangent vectors that
 * nearly cancel, re-derive it with {@link #liftToTangent}, since the rounding of the summands' time
 * parts is large next to the small sum.
 *
 * <p>Numerics. Far from the origin the coordinates grow like e^{√c·r}, and ⟨x,y⟩_L of two nearby
 * points is a difference of two huge, nearly equal numbers: acosh(−c⟨x,y⟩_L) read off literally
 * loses ~2·log10(x₀) digits. So the space part is taken as the point (x₀ is checked, then recomputed
 * as √(1/c + ‖x_s‖²), which is also what {@link #project} does), and the formulas are rewritten
 * without that cancellation: distances from coordinate differences; norms and inner products of
 * tangent vectors with the radial component split off (its Minkowski weight 1/(c·x₀²) is known in
 * closed form); exp through the ball. Distances keep nearly full precision at any depth; exp (so
 * also geodesics and means) is good to about 1e-16·√c·x₀ in hyperbolic distance, which is as finely
 * a double space part resolves positions across the radial direction at that depth anyway.
 *
 * <p>Immutable and thread-safe; methods allocate their results and never modify their arguments.
 */
public final class LorentzModel {
    /** Accepted |c·⟨x,x⟩_L + 1|, relative to c·‖x‖² (Euclidean); tangency is checked the same way. */
    public static final double ON_HYPERBOLOID_TOLERANCE = 1e-6;

    /** The hyperboloid of curvature −1. */
    public static final LorentzModel UNIT = new LorentzModel(1);

    private final double c;
    private final double sqrtC;

    /** The hyperboloid of curvature −c, c > 0 and finite. */
    public LorentzModel(double c) {
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("c must be positive and finite (the curvature is -c), got " + c);
        }
        this.c = c;
        this.sqrtC = Math.sqrt(c);
    }

    /** The curvature is −c. */
    public double c() {
        return c;
    }

    /** The Minkowski inner product ⟨x,y⟩_L = −x₀y₀ + Σ_{i≥1} xᵢyᵢ of any two vectors of equal dimension. */
    public double inner(double[] x, double[] y) {
        Vectors.requireFinite("x", x);
        Vectors.requireFinite("y", y);
        Vectors.requireSameDimension("x", x, "y", y);
        return minkowski(x, y);
    }

    /** The origin (1/√c, 0, …, 0) of hyperbolic n-space (an array of n + 1 coordinates), n ≥ 1. */
    public double[] origin(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the dimension n of hyperbolic space must be at least 1, got " + n);
        }
        double[] o = new double[n + 1];
        o[0] = 1 / sqrtC;
        return o;
    }

    /** Whether {@code x} is a point of the hyperboloid, within {@link #ON_HYPERBOLOID_TOLERANCE}. */
    public boolean contains(double[] x) {
        try {
            requirePoint("x", x);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Throws {@link IllegalArgumentException} naming {@code name} unless {@code x} is a point of the hyperboloid. */
    public void requirePoint(String name, double[] x) {
        Vectors.requireFinite(name, x);
        if (x.length < 2) {
            throw new IllegalArgumentException(name + " has " + x.length
                    + " coordinate; a Lorentz point has a time coordinate and at least one space coordinate");
        }
        double scale = c * Vectors.squaredNorm(x);
        double defect = c * minkowski(x, x) + 1;
        if (!(x[0] > 0) || !(Math.abs(defect) <= ON_HYPERBOLOID_TOLERANCE * scale)) {
            throw new IllegalArgumentException(name + " is not on the hyperboloid <x,x>_L = -1/c, x0 > 0 (c = " + c
                    + "): x0 = " + x[0] + ", c*<x,x>_L = " + (defect - 1));
        }
    }

    /** The point with space part {@code s}, lifted onto the hyperboloid: (√(1/c + ‖s‖²), s). */
    public double[] fromSpace(double[] s) {
        Vectors.requireFinite("s", s);
        double[] x = new double[s.length + 1];
        System.arraycopy(s, 0, x, 1, s.length);
        x[0] = time(s, "s");
        return x;
    }

    /** The point of the hyperboloid with the same space part as {@code x} (x₀ recomputed); x is any finite vector. */
    public double[] project(double[] x) {
        Vectors.requireFinite("x", x);
        if (x.length < 2) {
            throw new IllegalArgumentException("x has " + x.length + " coordinate; need a time and a space part");
        }
        return fromSpace(space(x));
    }

    /**
     * The geodesic distance d(x,y) = (1/√c)·acosh(−c⟨x,y⟩_L), 0 exactly for identical points. The
     * literal formula loses all digits for nearby points far from the origin (−c⟨x,y⟩_L − 1 is far
     * below the rounding of ⟨x,y⟩_L there); it is evaluated from coordinate differences instead, to
     * near full precision.
     */
    public double distance(double[] x, double[] y) {
        requirePoints(x, y);
        return distanceOfSpaces(space(x), space(y));
    }

    /** The Riemannian norm √⟨v,v⟩_L of a tangent vector v at x. */
    public double norm(double[] x, double[] v) {
        requirePoint("x", x);
        requireTangent("v", x, v);
        double[] a = space(x);
        double[] vs = space(v);
        return Math.sqrt(tangentInner(a, time(a, "x"), vs, vs));
    }

    /** The tangent vector at x with space part {@code spaceVelocity}: its time coordinate is ⟨x_s, v_s⟩/x₀. */
    public double[] liftToTangent(double[] x, double[] spaceVelocity) {
        requirePoint("x", x);
        Vectors.requireFinite("spaceVelocity", spaceVelocity);
        if (spaceVelocity.length != x.length - 1) {
            throw new IllegalArgumentException("spaceVelocity has dimension " + spaceVelocity.length
                    + " but x has " + (x.length - 1) + " space coordinates");
        }
        double[] a = space(x);
        return withTime(a, time(a, "x"), spaceVelocity);
    }

    /** The orthogonal projection w + c⟨x,w⟩_L·x of any vector w onto the tangent space at x. */
    public double[] projectToTangent(double[] x, double[] w) {
        requirePoint("x", x);
        Vectors.requireFinite("w", w);
        Vectors.requireSameDimension("x", x, "w", w);
        double[] p = project(x);
        return Vectors.combine(1, w, c * minkowski(p, w), p);
    }

    /**
     * The exponential map exp_x(v) = cosh(√c‖v‖)·x + sinh(√c‖v‖)·v/(√c‖v‖) for a tangent vector v at
     * x. Read literally, a geodesic from far out back toward the origin subtracts coordinates of size
     * cosh(√c‖v‖)·x₀ to get a small result; so it is evaluated in the ball instead, as
     * p ⊕ tanh(√c‖v‖/2)·ŵ/√c with p = x_s/(1 + √c·x₀) and ŵ the direction of v there, using the exact
     * 1 − c‖p‖² = 2/(1 + √c·x₀) and 1 − c‖p ⊕ z‖² = (1 − c‖p‖²)(1 − c‖z‖²)/D, so that the result is not
     * limited by the ball's boundary epsilon. Throws if the result's coordinates overflow double.
     */
    public double[] expMap(double[] x, double[] v) {
        requirePoint("x", x);
        requireTangent("v", x, v);
        double[] a = space(x);
        double x0 = time(a, "x");
        double[] vs = space(v);
        double t = sqrtC * Math.sqrt(tangentInner(a, x0, vs, vs));
        if (t == 0) {
            return fromSpace(a);
        }
        double f = 1 / (1 + sqrtC * x0);
        double op = 2 * f;
        double[] p = Vectors.scale(f, a);
        double[] w = ballTangent(a, x0, vs);
        double wn = Vectors.norm(w);
        if (wn == 0) {
            return fromSpace(a); // a step below the resolution of the ball's coordinates
        }
        double cosh = Math.cosh(t / 2);
        double oz = 1 / cosh / cosh;
        double[] s = Vectors.combine(1, p, Math.tanh(t / 2) / sqrtC / wn, w);
        double cs = c * Vectors.squaredNorm(s);
        // p ⊕ z = N/D with N = (1−c‖p‖²)·s + c‖s‖²·p; its space part on the hyperboloid is 2N/(op·oz).
        double[] ys = Vectors.combine(2 / oz, s, 2 * cs / (op * oz), p);
        for (double y : ys) {
            if (!Double.isFinite(y)) {
                throw new IllegalArgumentException("v is too long: exp_x(v) at distance " + t / sqrtC
                        + " from x is beyond the range of double");
            }
        }
        return fromSpace(ys);
    }

    /** exp at the origin; v = (0, u) is a tangent vector there (see {@link #liftToTangent}). */
    public double[] expMap0(double[] v) {
        Vectors.requireFinite("v", v);
        return expMap(origin(v.length - 1), v);
    }

    /** The logarithmic map log_x(y), inverse of {@link #expMap}; a tangent vector at x of norm d(x,y). */
    public double[] logMap(double[] x, double[] y) {
        requirePoints(x, y);
        double[] a = space(x);
        double[] b = space(y);
        return withTime(a, time(a, "x"), logSpace(a, b, distanceOfSpaces(a, b)));
    }

    /** log at the origin. */
    public double[] logMap0(double[] y) {
        Vectors.requireFinite("y", y);
        return logMap(origin(y.length - 1), y);
    }

    /** The point at fraction t of the geodesic from x (t = 0) to y (t = 1); any finite t. */
    public double[] geodesic(double[] x, double[] y, double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("t must be finite, got " + t);
        }
        return expMap(x, Vectors.scale(t, logMap(x, y)));
    }

    /**
     * Parallel transport of a tangent vector v at x to y along the geodesic. The closed form
     * v + c⟨y,v⟩_L/(1 − c⟨x,y⟩_L)·(x + y) cancels catastrophically far from the origin, so the
     * equivalent v − (⟨log_x y, v⟩/d²)·(log_x y + log_y x) is used: the component along the geodesic
     * turns from its velocity at x to its velocity at y, the rest is unchanged.
     */
    public double[] parallelTransport(double[] x, double[] y, double[] v) {
        requirePoints(x, y);
        requireTangent("v", x, v);
        double[] a = space(x);
        double[] b = space(y);
        double xTime = time(a, "x");
        double yTime = time(b, "y");
        double[] vs = space(v);
        double d = distanceOfSpaces(a, b);
        if (d == 0) {
            return withTime(b, yTime, vs);
        }
        double[] there = logSpace(a, b, d);
        double[] back = logSpace(b, a, d);
        double k = tangentInner(a, xTime, there, vs) / (d * d);
        double[] ps = vs.clone();
        for (int i = 0; i < ps.length; i++) {
            ps[i] -= k * (there[i] + back[i]);
        }
        return withTime(b, yTime, ps);
    }

    /**
     * Throws {@link IllegalArgumentException} naming {@code name} unless v is a finite vector of x's
     * dimension with |⟨x,v⟩_L| within {@link #ON_HYPERBOLOID_TOLERANCE} of ‖x‖·‖v‖ (x is not checked).
     */
    public void requireTangent(String name, double[] x, double[] v) {
        Vectors.requireFinite(name, v);
        Vectors.requireSameDimension("x", x, name, v);
        double scale = Vectors.norm(x) * Vectors.norm(v);
        double dot = minkowski(x, v);
        if (!(Math.abs(dot) <= ON_HYPERBOLOID_TOLERANCE * scale)) {
            throw new IllegalArgumentException(name + " is not tangent to the hyperboloid at x: <x," + name
                    + ">_L = " + dot + " (see liftToTangent and projectToTangent)");
        }
    }

    private void requirePoints(double[] x, double[] y) {
        requirePoint("x", x);
        requirePoint("y", y);
        Vectors.requireSameDimension("x", x, "y", y);
    }

    /**
     * d(x,y) from the space parts a and b. Both forms below are exact identities on the hyperboloid;
     * each is free of cancellation where it is used.
     *
     * <p>Nearby points: with q = ⟨y−x, y−x⟩_L = (4/c)·sinh²(√c·d/2), Δ = b − a, σ = a + b,
     * κ = 1/(x₀+y₀)², and Δ split into Δ_r along σ and Δ⊥ across it,
     * q = (‖Δ⊥‖² + 4κΔ_r²/c)/(1 − κΔ_r²), using y₀ − x₀ = ⟨σ,Δ⟩/(x₀+y₀). Every term is non-negative, and
     * the radial separation keeps its full precision however far out the points are.
     *
     * <p>Far-apart points (κΔ_r² > 1/2, where that denominator would cancel): the Poincaré distance of
     * p = a/(1 + √c·x₀) and p', with the exact 1 − c‖p‖² = 2/(1 + √c·x₀).
     */
    private double distanceOfSpaces(double[] a, double[] b) {
        double x0 = time(a, "x");
        double y0 = time(b, "y");
        int n = a.length;
        double[] diff = new double[n];
        double[] sum = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = b[i] - a[i];
            sum[i] = a[i] + b[i];
        }
        double diffSq = Vectors.squaredNorm(diff);
        if (diffSq == 0) {
            return 0;
        }
        double sumNorm = Vectors.norm(sum);
        // σ = 0 (x and y mirror images through the origin): Δ has no radial part
        double radial = sumNorm == 0 ? 0 : Vectors.dot(sum, diff) / sumNorm;
        double perUnitSum = sumNorm == 0 ? 0 : radial / sumNorm;
        double kappa = 1 / ((x0 + y0) * (x0 + y0));
        if (kappa * radial * radial <= 0.5) {
            double acrossSq = 0;
            for (int i = 0; i < n; i++) {
                double across = diff[i] - perUnitSum * sum[i];
                acrossSq += across * across;
            }
            double q = (acrossSq + 4 * kappa * radial * radial / c) / (1 - kappa * radial * radial);
            return 2 * asinh(sqrtC * Math.sqrt(q) / 2) / sqrtC;
        }
        double fa = 1 / (1 + sqrtC * x0);
        double fb = 1 / (1 + sqrtC * y0);
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] * fa - b[i] * fb;
            sq += d * d;
        }
        double s = sqrtC * Math.sqrt(sq) / (2 * Math.sqrt(fa) * Math.sqrt(fb));
        return 2 * asinh(s) / sqrtC;
    }

    /**
     * The space part of log_x(y) = (t/sinh t)·(y − cosh(t)·x), t = √c·d, written as
     * (t/sinh t)·(b − a) − t·tanh(t/2)·a: no large cancelling terms for nearby points, no overflow.
     */
    private double[] logSpace(double[] a, double[] b, double d) {
        if (d == 0) {
            return new double[a.length];
        }
        double t = sqrtC * d;
        double overSinh = t < 700 ? t / Math.sinh(t) : 2 * t * Math.exp(-t);
        double[] r = new double[a.length];
        double pull = t * Math.tanh(t / 2);
        for (int i = 0; i < r.length; i++) {
            r[i] = overSinh * (b[i] - a[i]) - pull * a[i];
        }
        return r;
    }

    /**
     * ⟨u,v⟩_L of tangent vectors at the point with space part a (time x0), from their space parts:
     * with r the unit vector along a, ⟨u,v⟩_L = ⟨u⊥,v⊥⟩ + u_r·v_r/(c·x0²), every term non-cancelling.
     */
    private double tangentInner(double[] a, double x0, double[] us, double[] vs) {
        double an = Vectors.norm(a);
        if (an == 0) {
            return Vectors.dot(us, vs);
        }
        double ur = Vectors.dot(a, us) / an;
        double vr = Vectors.dot(a, vs) / an;
        double perp = 0;
        for (int i = 0; i < a.length; i++) {
            double r = a[i] / an;
            perp += (us[i] - ur * r) * (vs[i] - vr * r);
        }
        return perp + ur * vr / (c * x0 * x0);
    }

    /**
     * The image in the Poincaré ball of the tangent vector with space part vs at (x0, a), under the
     * differential of x ↦ x_s/(1 + √c·x₀): u_s/(1 + √c·x₀) − √c·u₀·x_s/(1 + √c·x₀)². That cancels in
     * the radial direction far out; with r the unit vector along x_s it equals
     * u⊥/(1 + √c·x₀) + u_r·r/((1 + √c·x₀)·√c·x₀), which does not.
     */
    double[] ballTangent(double[] a, double x0, double[] vs) {
        double across = 1 / (1 + sqrtC * x0);
        double an = Vectors.norm(a);
        if (an == 0) {
            return Vectors.scale(across, vs);
        }
        double along = across / (sqrtC * x0);
        double vr = Vectors.dot(a, vs) / an;
        double[] w = new double[vs.length];
        for (int i = 0; i < w.length; i++) {
            double r = a[i] / an;
            w[i] = across * (vs[i] - vr * r) + along * vr * r;
        }
        return w;
    }

    /** The tangent vector at (x0, a) with space part vs: time coordinate ⟨a, vs⟩/x0. */
    private static double[] withTime(double[] a, double x0, double[] vs) {
        double[] v = new double[vs.length + 1];
        System.arraycopy(vs, 0, v, 1, vs.length);
        v[0] = Vectors.dot(a, vs) / x0;
        return v;
    }

    private double time(double[] s, String name) {
        double t = Math.sqrt(1 / c + Vectors.squaredNorm(s));
        if (t == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " is too far from the origin: its squared norm overflows double");
        }
        return t;
    }

    private static double[] space(double[] x) {
        double[] s = new double[x.length - 1];
        System.arraycopy(x, 1, s, 0, s.length);
        return s;
    }

    private static double minkowski(double[] x, double[] y) {
        double s = -x[0] * y[0];
        for (int i = 1; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LorentzModel m && Double.compare(c, m.c) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(c);
    }

    @Override
    public String toString() {
        return "LorentzModel[c=" + c + "]";
    }
}
