package io.hyperspatial.core.index.score;

import io.hyperspatial.manifold.schema.VectorMetric;

import java.util.Random;

/**
 * Seeded clustered data for the quantized spaces: Euclidean points in Gaussian clusters away from
 * the origin (so centring matters), Poincaré points in angular clusters with hyperbolic radii
 * skewed toward the boundary (a hierarchy's leaves), and the same lifted to the hyperboloid.
 */
final class QuantizedTestData {
    private final VectorMetric metric;
    private final int dimension;
    private final double c;
    private final Random random;
    private final float[][] centres;

    QuantizedTestData(VectorMetric metric, int dimension, double curvature, long seed) {
        this.metric = metric;
        this.dimension = dimension;
        this.c = curvature;
        this.random = new Random(seed);
        int ballDimension = metric == VectorMetric.LORENTZ ? dimension - 1 : dimension;
        this.centres = new float[20][ballDimension];
        for (float[] centre : centres) {
            for (int i = 0; i < ballDimension; i++) {
                centre[i] = (float) (isHyperbolic() ? random.nextGaussian() : 3 + random.nextGaussian());
            }
        }
    }

    float[][] points(int n) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = next();
        }
        return out;
    }

    float[] next() {
        float[] centre = centres[random.nextInt(centres.length)];
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + (isHyperbolic() ? 0.35 : 0.5) * random.nextGaussian());
        }
        if (!isHyperbolic()) {
            return v;
        }
        double rho = 1 + 4 * Math.sqrt(random.nextDouble());
        double sqrtC = Math.sqrt(c);
        double scale = Math.tanh(sqrtC * rho / 2) / sqrtC / Math.sqrt(squaredNorm(v));
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * scale);
        }
        return metric == VectorMetric.LORENTZ ? lift(v, c) : v;
    }

    /** The hyperboloid point of a Poincaré point: x₀ = (1 + c‖p‖²)/(√c(1 − c‖p‖²)), x_s = 2p/(1 − c‖p‖²). */
    static float[] lift(float[] p, double c) {
        double s = squaredNorm(p);
        float[] x = new float[p.length + 1];
        x[0] = (float) ((1 + c * s) / (Math.sqrt(c) * (1 - c * s)));
        for (int i = 0; i < p.length; i++) {
            x[i + 1] = (float) (2 * p[i] / (1 - c * s));
        }
        return x;
    }

    private boolean isHyperbolic() {
        return metric == VectorMetric.POINCARE || metric == VectorMetric.LORENTZ;
    }

    static double squaredNorm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s;
    }
}
