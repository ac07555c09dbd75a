package io.hyperspatial.core.positioning;

import java.util.Arrays;

/**
 * Positions of n nodes on the hyperboloid of curvature −1 in {@code dims} spatial dimensions: point
 * i is {@code dims + 1} Lorentz coordinates, time first, with −x₀² + Σ xₖ² = −1 and x₀ ≥ 1. Stored
 * flat (one double array); {@link #point(int)} copies one point out.
 *
 * <p>{@link #distance(int, int)} is evaluated in geodesic polar form (see {@code PolarPoints}), which
 * keeps full precision for nearby points far from the origin, where the Minkowski inner product of
 * the coordinates cancels.
 *
 * <p>Immutable and thread-safe.
 */
public final class LorentzEmbedding {
    private final int size;
    private final int dims;
    private final double[] coordinates;
    private volatile PolarPoints polar;

    private LorentzEmbedding(int size, int dims, double[] coordinates) {
        this.size = size;
        this.dims = dims;
        this.coordinates = coordinates;
    }

    /**
     * An embedding from flat Lorentz coordinates ({@code size·(dims+1)} values, time first); each
     * point's time coordinate is recomputed as √(1 + ‖space‖²), so the points lie exactly on the
     * hyperboloid.
     */
    public static LorentzEmbedding of(int dims, double[] coordinates) {
        if (dims < 1) {
            throw new IllegalArgumentException("dims must be at least 1, got " + dims);
        }
        if (coordinates.length % (dims + 1) != 0) {
            throw new IllegalArgumentException(coordinates.length + " coordinates are not a whole number of "
                    + (dims + 1) + "-coordinate points");
        }
        double[] c = coordinates.clone();
        int size = c.length / (dims + 1);
        for (int i = 0; i < size; i++) {
            int base = i * (dims + 1);
            double s = 0;
            for (int k = 1; k <= dims; k++) {
                if (!Double.isFinite(c[base + k])) {
                    throw new IllegalArgumentException("point " + i + " has a non-finite coordinate " + c[base + k]);
                }
                s += c[base + k] * c[base + k];
            }
            c[base] = Math.sqrt(1 + s);
        }
        return new LorentzEmbedding(size, dims, c);
    }

    static LorentzEmbedding fromPolar(PolarPoints p) {
        LorentzEmbedding e = new LorentzEmbedding(p.size, p.dims, p.toLorentz());
        e.polar = p.copy();
        return e;
    }

    /** The number of points. */
    public int size() {
        return size;
    }

    /** The number of spatial dimensions (each point has dims + 1 coordinates). */
    public int dims() {
        return dims;
    }

    /** Point i: dims + 1 Lorentz coordinates, time first (a copy). */
    public double[] point(int i) {
        java.util.Objects.checkIndex(i, size);
        return Arrays.copyOfRange(coordinates, i * (dims + 1), (i + 1) * (dims + 1));
    }

    /** All coordinates, flat, point after point (a copy). */
    public double[] coordinates() {
        return coordinates.clone();
    }

    /** The hyperbolic distance between points i and j. */
    public double distance(int i, int j) {
        java.util.Objects.checkIndex(i, size);
        java.util.Objects.checkIndex(j, size);
        return polar().distance(i, j);
    }

    /** The hyperbolic distance of point i from the origin (its radius ρ = acosh x₀). */
    public double radius(int i) {
        java.util.Objects.checkIndex(i, size);
        return polar().rho[i];
    }

    /** Point i in the Poincaré ball of curvature −1: space / (1 + time) (a new array). */
    public double[] poincarePoint(int i) {
        java.util.Objects.checkIndex(i, size);
        int base = i * (dims + 1);
        double[] p = new double[dims];
        double scale = 1 / (1 + coordinates[base]);
        for (int k = 0; k < dims; k++) {
            p[k] = coordinates[base + 1 + k] * scale;
        }
        return p;
    }

    PolarPoints polar() {
        PolarPoints p = polar;
        if (p == null) {
            p = PolarPoints.fromLorentz(size, dims, coordinates);
            polar = p;
        }
        return p;
    }
}
