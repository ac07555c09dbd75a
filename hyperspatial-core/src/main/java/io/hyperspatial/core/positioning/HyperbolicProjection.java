package io.hyperspatial.core.positioning;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Maps vectors of any dimension D into the Lorentz model of {@code dims} spatial dimensions:
 * centre (subtract the mean), reduce to the top {@code dims} principal components (fitted on a
 * sample by subspace iteration; no reduction when D ≤ dims), scale so that the median reduced
 * norm becomes 1, and send the result through the exponential map at the origin. Near the mean
 * the map is nearly an isometry (up to the scale); vectors far from the mean land far out, where
 * hyperbolic space has room for them. Immutable and thread-safe once fitted.
 */
final class HyperbolicProjection {
    private static final int ITERATIONS = 8;

    private final int inputDims;
    private final int dims;
    private final boolean normalize;
    private final double[] mean;
    /** dims rows of inputDims: an orthonormal basis of the principal subspace; null when not reducing. */
    private final double[][] basis;
    private final double scale;

    private HyperbolicProjection(int inputDims, int dims, boolean normalize, double[] mean, double[][] basis,
                                 double scale) {
        this.inputDims = inputDims;
        this.dims = dims;
        this.normalize = normalize;
        this.mean = mean;
        this.basis = basis;
        this.scale = scale;
    }

    /**
     * Fits a projection to a sample of vectors of one dimension.
     *
     * @param normalize scale every vector to unit length first (for cosine-metric vectors)
     */
    static HyperbolicProjection fit(List<float[]> sample, int dims, boolean normalize, long seed) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("no vectors to fit a projection to");
        }
        int d = sample.getFirst().length;
        double[][] x = new double[sample.size()][];
        double[] mean = new double[d];
        for (int i = 0; i < x.length; i++) {
            x[i] = toDouble(sample.get(i), normalize);
            for (int k = 0; k < d; k++) {
                mean[k] += x[i][k] / x.length;
            }
        }
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] -= mean[k];
            }
        }
        double[][] basis = d <= dims ? null : principalBasis(x, dims, seed);
        HyperbolicProjection unscaled = new HyperbolicProjection(d, dims, normalize, mean, basis, 1);
        double[] norms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            norms[i] = norm(unscaled.reduceCentred(x[i]));
        }
        java.util.Arrays.sort(norms);
        double median = norms[norms.length / 2];
        return new HyperbolicProjection(d, dims, normalize, mean, basis, median > 0 ? 1 / median : 1);
    }

    /** The Lorentz point of a vector: dims + 1 coordinates, time first, curvature −1. */
    double[] map(float[] v) {
        if (v.length != inputDims) {
            throw new IllegalArgumentException("vector of dimension " + v.length + ", the projection takes " + inputDims);
        }
        double[] x = toDouble(v, normalize);
        for (int k = 0; k < x.length; k++) {
            x[k] -= mean[k];
        }
        double[] t = reduceCentred(x);
        double r = norm(t) * scale;
        double[] point = new double[dims + 1];
        point[0] = Math.cosh(r);
        if (r > 0) {
            double f = Math.sinh(r) * scale / r;
            for (int k = 0; k < dims; k++) {
                point[k + 1] = t[k] * f;
            }
        }
        return point;
    }

    private double[] reduceCentred(double[] x) {
        double[] t = new double[dims];
        if (basis == null) {
            System.arraycopy(x, 0, t, 0, x.length);
            return t;
        }
        for (int j = 0; j < dims; j++) {
            t[j] = dot(basis[j], x);
        }
        return t;
    }

    /** The top-{@code k} principal directions of the rows of x (centred) by subspace iteration. */
    private static double[][] principalBasis(double[][] x, int k, long seed) {
        int d = x[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[k][d];
        for (double[] row : q) {
            for (int i = 0; i < d; i++) {
                row[i] = random.nextDouble() - 0.5;
            }
        }
        orthonormalize(q);
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] next = new double[k][d];
            for (double[] row : x) {
                for (int j = 0; j < k; j++) {
                    double c = dot(q[j], row);
                    double[] n = next[j];
                    for (int i = 0; i < d; i++) {
                        n[i] += c * row[i];
                    }
                }
            }
            orthonormalize(next);
            q = next;
        }
        return q;
    }

    /** Modified Gram-Schmidt over the rows; a row that vanishes is replaced by the first unit axis not yet spanned. */
    private static void orthonormalize(double[][] rows) {
        int axis = 0;
        for (int j = 0; j < rows.length; j++) {
            while (!orthogonalizeAgainst(rows, j)) {
                java.util.Arrays.fill(rows[j], 0);
                rows[j][axis++] = 1;
            }
        }
    }

    /** Makes row j orthogonal to the rows before it and of unit norm; false if nothing is left of it. */
    private static boolean orthogonalizeAgainst(double[][] rows, int j) {
        double[] r = rows[j];
        for (int p = 0; p < j; p++) {
            double c = dot(rows[p], r);
            for (int i = 0; i < r.length; i++) {
                r[i] -= c * rows[p][i];
            }
        }
        double n = norm(r);
        if (n < 1e-9) {
            return false;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] /= n;
        }
        return true;
    }

    private static double[] toDouble(float[] v, boolean normalize) {
        double[] x = new double[v.length];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            x[i] = v[i];
            n += x[i] * x[i];
        }
        if (normalize && n > 0) {
            double inv = 1 / Math.sqrt(n);
            for (int i = 0; i < x.length; i++) {
                x[i] *= inv;
            }
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
