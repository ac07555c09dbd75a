package io.hyperspatial.bench.ann;

import java.util.SplittableRandom;

/**
 * A seeded mixture of Gaussian clusters, the stand-in for embedding data: cluster centres drawn
 * from N(0, 1) per coordinate, cluster weights uneven (a few large clusters, many small). Like
 * real embeddings, whose intrinsic dimension is far below their dimension, each cluster is a
 * Gaussian of low-rank covariance: spread along {@code max(2, d/8)} random directions of its own
 * (with decaying scales), plus a small isotropic noise. (Isotropic clusters in 128 dimensions
 * would make every point almost equidistant from every other, which no real data set looks like.)
 * Base and query vectors are independent draws from the same mixture, so no query is a base
 * vector. With {@code normalise}, every vector is scaled to unit length (data set (b), cosine).
 * Immutable; {@link #base} and {@link #queries} give the same vectors for the same seed and sizes.
 */
final class ClusteredGaussians {
    /** Isotropic noise per coordinate, relative to a cluster's spread. */
    private static final double NOISE = 0.1;

    private final int dimension;
    private final boolean normalise;
    private final float[][] centres;
    private final double[] spreads;
    /** Per cluster, its principal directions (rank × dimension), each scaled by its spread. */
    private final float[][][] axes;
    private final double[] cumulativeWeights;
    private final long seed;

    ClusteredGaussians(int dimension, int clusters, boolean normalise, long seed) {
        if (dimension < 1 || clusters < 1) {
            throw new IllegalArgumentException("dimension and clusters must be positive");
        }
        this.dimension = dimension;
        this.normalise = normalise;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        centres = new float[clusters][];
        spreads = new double[clusters];
        axes = new float[clusters][][];
        int rank = Math.max(2, dimension / 8);
        cumulativeWeights = new double[clusters];
        double total = 0;
        for (int c = 0; c < clusters; c++) {
            centres[c] = gaussian(random, dimension, 1.0);
            // Spreads between 0.25 and 0.6 of the centres' scale: clusters overlap at their edges.
            spreads[c] = 0.25 + 0.35 * random.nextDouble();
            axes[c] = new float[rank][];
            for (int r = 0; r < rank; r++) {
                // Random directions of unit expected length, scales decaying from 2× to about 0.5× the spread.
                double scale = spreads[c] * 2 * Math.pow(0.25, (double) r / rank) * Math.sqrt(dimension / (double) rank);
                axes[c][r] = gaussian(random, dimension, scale / Math.sqrt(dimension));
            }
            // Zipf-like weights: cluster c holds about 1/(c+1) of the mass, normalised.
            total += 1.0 / (c + 1);
            cumulativeWeights[c] = total;
        }
        for (int c = 0; c < clusters; c++) {
            cumulativeWeights[c] /= total;
        }
    }

    float[][] base(int n) {
        return draw(n, new SplittableRandom(seed).split().split());
    }

    float[][] queries(int n) {
        // A stream of its own: queries never repeat base vectors.
        return draw(n, new SplittableRandom(seed ^ 0x5DEECE66DL).split());
    }

    private float[][] draw(int n, SplittableRandom random) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            int c = cluster(random.nextDouble());
            float[] v = gaussian(random, dimension, NOISE * spreads[c]);
            for (float[] axis : axes[c]) {
                double z = random.nextGaussian();
                for (int j = 0; j < dimension; j++) {
                    v[j] += (float) (z * axis[j]);
                }
            }
            for (int j = 0; j < dimension; j++) {
                v[j] += centres[c][j];
            }
            if (normalise) {
                double norm = 0;
                for (float x : v) {
                    norm += (double) x * x;
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < dimension; j++) {
                    v[j] = (float) (v[j] / norm);
                }
            }
            out[i] = v;
        }
        return out;
    }

    private int cluster(double u) {
        int lo = 0;
        int hi = cumulativeWeights.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeights[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static float[] gaussian(SplittableRandom random, int dimension, double sd) {
        float[] v = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            v[j] = (float) (random.nextGaussian() * sd);
        }
        return v;
    }
}
