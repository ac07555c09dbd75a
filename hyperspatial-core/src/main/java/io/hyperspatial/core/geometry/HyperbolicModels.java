package io.hyperspatial.core.geometry;

/**
 * The Poincaré ball and the hyperboloid of one curvature −c, and the isometries between them, for
 * points and tangent vectors:
 * <pre>
 *   Poincaré → Lorentz   x = ((1 + c‖p‖²)/(√c·(1 − c‖p‖²)), 2p/(1 − c‖p‖²))
 *   Lorentz → Poincaré   p = x_s/(1 + √c·x₀)
 * </pre>
 * (stereographic projection from (−1/√c, 0, …, 0)). Distances, exp/log maps and parallel transport
 * commute with these maps. A Lorentz point beyond the ball's {@link PoincareBall#maxNorm()} (√c·x₀
 * above about 1e10) comes back at that norm.
 *
 * <p>The Klein model is not provided: the one thing it is commonly used for, the Einstein midpoint,
 * is the normalised Lorentzian centroid ({@link FrechetMean#lorentzCentroid}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HyperbolicModels {
    private final double c;
    private final double sqrtC;
    private final PoincareBall poincare;
    private final LorentzModel lorentz;

    /** The models of curvature −c, c > 0 and finite. */
    public HyperbolicModels(double c) {
        this.poincare = new PoincareBall(c);
        this.lorentz = new LorentzModel(c);
        this.c = c;
        this.sqrtC = Math.sqrt(c);
    }

    /** The curvature is −c. */
    public double c() {
        return c;
    }

    public PoincareBall poincare() {
        return poincare;
    }

    public LorentzModel lorentz() {
        return lorentz;
    }

    /** The hyperboloid point of a Poincaré point p (n coordinates in, n + 1 out). */
    public double[] toLorentz(double[] p) {
        poincare.requirePoint("p", p);
        return lorentz.fromSpace(Vectors.scale(2 / oneMinusCNormSq(p), p));
    }

    /** The Poincaré point of a hyperboloid point x (n + 1 coordinates in, n out). */
    public double[] toPoincare(double[] x) {
        lorentz.requirePoint("x", x);
        double[] a = space(x);
        return poincare.project(Vectors.scale(1 / (1 + sqrtC * time(a)), a));
    }

    /**
     * The image at {@code toLorentz(p)} of a tangent vector v at p (the differential of the map):
     * space part 2v/(1 − c‖p‖²) + 4c⟨p,v⟩·p/(1 − c‖p‖²)², time part from tangency.
     */
    public double[] tangentToLorentz(double[] p, double[] v) {
        poincare.requirePoint("p", p);
        Vectors.requireFinite("v", v);
        Vectors.requireSameDimension("p", p, "v", v);
        double o = oneMinusCNormSq(p);
        double[] us = Vectors.combine(2 / o, v, 4 * c * Vectors.dot(p, v) / (o * o), p);
        return lorentz.liftToTangent(toLorentz(p), us);
    }

    /** The image at {@code toPoincare(x)} of a tangent vector u at x (the differential of the map). */
    public double[] tangentToPoincare(double[] x, double[] u) {
        lorentz.requirePoint("x", x);
        lorentz.requireTangent("u", x, u);
        double[] a = space(x);
        return lorentz.ballTangent(a, time(a), space(u));
    }

    private double oneMinusCNormSq(double[] p) {
        return Vectors.oneMinusScaledSquaredNorm(c, p);
    }

    private double time(double[] a) {
        return Math.sqrt(1 / c + Vectors.squaredNorm(a));
    }

    private static double[] space(double[] x) {
        double[] s = new double[x.length - 1];
        System.arraycopy(x, 1, s, 0, s.length);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperbolicModels m && Double.compare(c, m.c) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(c);
    }

    @Override
    public String toString() {
        return "HyperbolicModels[c=" + c + "]";
    }
}
