package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.manifold.schema.VectorMetric;

import java.util.SplittableRandom;

/**
 * Seeded vector sets for index tests: clustered Gaussians for l2, cosine and dot, and
 * hierarchical points for the hyperbolic metrics (a tree of directions whose children sit
 * further out, radii skewed toward the boundary), in the Poincaré ball or on the hyperboloid.
 */
final class TestVectors {
    private TestVectors() {
    }

    /** {@code n} vectors of the metric; {@code dim} is the index dimension (Lorentz: time coordinate included). */
    static float[][] of(VectorMetric metric, int n, int dim, long seed) {
        return switch (metric) {
            case L2, COSINE -> clustered(n, dim, 32, 0.35, seed);
            case DOT -> scaled(clustered(n, dim, 32, 0.35, seed), seed);
            case POINCARE -> hierarchical(n, dim, seed);
            case LORENTZ -> toLorentz(hierarchical(n, dim - 1, seed));
        };
    }

    /** Gaussian clusters: centres ~ N(0, 1), points ~ centre + N(0, sigma²). */
    static float[][] clustered(int n, int dim, int clusters, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centres = new double[clusters][dim];
        for (double[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = gaussian(r);
            }
        }
        float[][] v = new float[n][dim];
        for (int i = 0; i < n; i++) {
            double[] c = centres[r.nextInt(clusters)];
            for (int j = 0; j < dim; j++) {
                v[i][j] = (float) (c[j] + sigma * gaussian(r));
            }
        }
        return v;
    }

    /** Multiplies each vector by a norm in [0.5, 2], so inner products do not rank like cosines. */
    private static float[][] scaled(float[][] v, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5CA1EL);
        for (float[] x : v) {
            double s = 0.5 + 1.5 * r.nextDouble();
            for (int j = 0; j < x.length; j++) {
                x[j] = (float) (x[j] * s);
            }
        }
        return v;
    }

    /**
     * Points of a random tree of depth up to 4 with fan-out 5 in the Poincaré ball (c = 1): a
     * node's direction is its parent's plus noise, and its hyperbolic radius is about 1.3 per
     * depth; points scatter around tree nodes, weighted toward the deep (outer) ones, so most
     * norms are 0.9–0.995.
     */
    static float[][] hierarchical(int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int depth = 4;
        int fanout = 5;
        int nodes = 0;
        for (int d = 0, width = 1; d <= depth; d++, width *= fanout) {
            nodes += width;
        }
        double[][] direction = new double[nodes][];
        int[] level = new int[nodes];
        direction[0] = unit(randomGaussian(dim, r));
        for (int node = 1; node < nodes; node++) {
            int parent = (node - 1) / fanout;
            level[node] = level[parent] + 1;
            double[] d = randomGaussian(dim, r);
            double spread = parent == 0 ? 3.0 : 0.45;
            for (int j = 0; j < dim; j++) {
                d[j] = direction[parent][j] + spread * d[j] / Math.sqrt(dim);
            }
            direction[node] = unit(d);
        }
        float[][] v = new float[n][];
        for (int i = 0; i < n; i++) {
            int node = pickSkewedDeep(nodes, level, depth, r);
            double[] d = randomGaussian(dim, r);
            double[] dir = new double[dim];
            for (int j = 0; j < dim; j++) {
                dir[j] = direction[node][j] + 0.08 * d[j] / Math.sqrt(dim);
            }
            double rho = 1.3 * Math.max(1, level[node]) + 0.5 * r.nextDouble();
            v[i] = poincarePoint(unit(dir), rho);
        }
        return v;
    }

    /** A random tree node, each level twice as likely per step deeper. */
    private static int pickSkewedDeep(int nodes, int[] level, int depth, SplittableRandom r) {
        while (true) {
            int node = r.nextInt(nodes);
            if (r.nextDouble() < Math.pow(2, level[node] - depth)) {
                return node;
            }
        }
    }

    /** The point at hyperbolic distance rho from the origin in direction dir: tanh(rho/2)·dir. */
    private static float[] poincarePoint(double[] dir, double rho) {
        double norm = Math.tanh(rho / 2);
        float[] p = new float[dir.length];
        for (int j = 0; j < dir.length; j++) {
            p[j] = (float) (norm * dir[j]);
        }
        return p;
    }

    /** The hyperboloid image (x0 first) of Poincaré points: x = (1 + ‖p‖², 2p) / (1 − ‖p‖²). */
    static float[][] toLorentz(float[][] poincare) {
        float[][] v = new float[poincare.length][];
        for (int i = 0; i < poincare.length; i++) {
            float[] p = poincare[i];
            double sq = 0;
            for (float f : p) {
                sq += (double) f * f;
            }
            float[] x = new float[p.length + 1];
            x[0] = (float) ((1 + sq) / (1 - sq));
            for (int j = 0; j < p.length; j++) {
                x[j + 1] = (float) (2 * p[j] / (1 - sq));
            }
            v[i] = x;
        }
        return v;
    }

    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double[] randomGaussian(int dim, SplittableRandom r) {
        double[] d = new double[dim];
        for (int j = 0; j < dim; j++) {
            d[j] = gaussian(r);
        }
        return d;
    }

    private static double[] unit(double[] d) {
        double s = 0;
        for (double x : d) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        for (int j = 0; j < d.length; j++) {
            d[j] /= norm;
        }
        return d;
    }
}
