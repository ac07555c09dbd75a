package io.hyperspatial.core.geometry;

import java.util.Arrays;
import java.util.Objects;

/**
 * Weighted means of hyperbolic points, computed on the hyperboloid of curvature −c (Poincaré points
 * are converted there and back).
 *
 * <ul>
 *   <li>{@link #lorentz}/{@link #poincare}: the Fréchet (Karcher) mean, the minimiser of
 *       Σ wᵢ·d(μ, xᵢ)², found by Riemannian gradient descent μ ← exp_μ(η·Σ wᵢ·log_μ(xᵢ)) from the
 *       centroid below. It exists and is unique in hyperbolic space for any points and non-negative
 *       weights.</li>
 *   <li>{@link #lorentzCentroid}/{@link #poincareCentroid}: the Lorentzian centroid Σ wᵢxᵢ scaled back
 *       onto the hyperboloid (equal to the Einstein midpoint of the Klein model) — a closed form,
 *       one pass, but a different mean: it minimises Σ wᵢ·cosh(√c·d(μ, xᵢ)), not the squared
 *       distances, and is pulled toward far points.</li>
 * </ul>
 *
 * <p>Step size. The Hessian of ½·Σ wᵢd(μ,xᵢ)² (weights summing to 1) has eigenvalues between 1 (along
 * each geodesic) and L = Σ wᵢ·√c·dᵢ·coth(√c·dᵢ) (across them), so the unit step of the Euclidean
 * Karcher iteration can overshoot and diverge once points are more than about 2/√c away. The step
 * η = 2/(1 + L), recomputed at every iterate, shrinks the error near the mean by a factor of at
 * most (L−1)/(L+1) per iteration, in every direction.
 *
 * <p>Convergence. The iteration stops when the Riemannian norm of the gradient Σ wᵢ·log_μ(xᵢ) is at
 * most the tolerance, or at the iteration cap; {@link Estimate} says which. Immutable and thread-safe.
 */
public final class FrechetMean {
    /** Default bound on the final gradient norm, a hyperbolic distance. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    private final HyperbolicModels models;
    private final LorentzModel lorentz;
    private final double sqrtC;
    private final double tolerance;
    private final int maxIterations;

    /** Means in curvature −c with the default tolerance and iteration cap. */
    public FrechetMean(double c) {
        this(c, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** Means in curvature −c; tolerance > 0 bounds the final gradient norm, maxIterations ≥ 1. */
    public FrechetMean(double c, double tolerance, int maxIterations) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        this.models = new HyperbolicModels(c);
        this.lorentz = models.lorentz();
        this.sqrtC = Math.sqrt(c);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * A mean and how it was reached. {@code gradientNorm} is ‖Σ wᵢ·log_μ(xᵢ)‖ at the returned point
     * (weights normalised to sum 1); {@code converged} is whether it is within the tolerance.
     * The array is the caller's to keep.
     */
    public record Estimate(double[] point, int iterations, double gradientNorm, boolean converged) {
        public Estimate {
            Objects.requireNonNull(point, "point");
        }

        @Override
        public String toString() {
            return "Estimate[point=" + Arrays.toString(point) + ", iterations=" + iterations + ", gradientNorm="
                    + gradientNorm + ", converged=" + converged + "]";
        }
    }

    /** The Fréchet mean of hyperboloid points with equal weights. */
    public Estimate lorentz(double[][] points) {
        return lorentz(points, uniform(points));
    }

    /** The weighted Fréchet mean of hyperboloid points; weights are non-negative with a positive sum. */
    public Estimate lorentz(double[][] points, double[] weights) {
        double[] w = normalisedWeights(points, weights);
        requireLorentzPoints(points);
        return karcher(points, w);
    }

    /** The Fréchet mean of Poincaré points with equal weights. */
    public Estimate poincare(double[][] points) {
        return poincare(points, uniform(points));
    }

    /** The weighted Fréchet mean of Poincaré points, computed on the hyperboloid. */
    public Estimate poincare(double[][] points, double[] weights) {
        double[] w = normalisedWeights(points, weights);
        Estimate e = karcher(toLorentz(points), w);
        return new Estimate(models.toPoincare(e.point()), e.iterations(), e.gradientNorm(), e.converged());
    }

    /** The Lorentzian centroid (see the class comment) of hyperboloid points. */
    public double[] lorentzCentroid(double[][] points, double[] weights) {
        double[] w = normalisedWeights(points, weights);
        requireLorentzPoints(points);
        return centroid(points, w);
    }

    /** The Lorentzian centroid of Poincaré points, returned as a Poincaré point. */
    public double[] poincareCentroid(double[][] points, double[] weights) {
        double[] w = normalisedWeights(points, weights);
        return models.toPoincare(centroid(toLorentz(points), w));
    }

    private Estimate karcher(double[][] points, double[] w) {
        double[] mean = centroid(points, w);
        for (int iteration = 0; ; iteration++) {
            // Summed by space parts and lifted once: near convergence the logs cancel, and their rounded
            // time parts would leave the sum off the tangent space relative to its own small length.
            double[] gradientSpace = new double[mean.length - 1];
            double hessianBound = 0;
            for (int i = 0; i < points.length; i++) {
                if (w[i] == 0) {
                    continue;
                }
                double[] log = lorentz.logMap(mean, points[i]);
                double t = sqrtC * lorentz.norm(mean, log);
                hessianBound += w[i] * (t < 1e-8 ? 1 : t / Math.tanh(t));
                for (int j = 0; j < gradientSpace.length; j++) {
                    gradientSpace[j] += w[i] * log[j + 1];
                }
            }
            double[] gradient = lorentz.liftToTangent(mean, gradientSpace);
            double gradientNorm = lorentz.norm(mean, gradient);
            if (gradientNorm <= tolerance || iteration == maxIterations) {
                return new Estimate(mean, iteration, gradientNorm, gradientNorm <= tolerance);
            }
            mean = lorentz.expMap(mean, Vectors.scale(2 / (1 + hessianBound), gradient));
        }
    }

    /** Σ wᵢxᵢ divided by √(−c⟨μ,μ⟩_L); ⟨μ,μ⟩_L ≤ −1/c for a convex combination, clamped there. */
    private double[] centroid(double[][] points, double[] w) {
        double[] sum = new double[points[0].length];
        for (int i = 0; i < points.length; i++) {
            double[] x = lorentz.project(points[i]);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += w[i] * x[j];
            }
        }
        double spaceNorm = 0;
        for (int j = 1; j < sum.length; j++) {
            spaceNorm += sum[j] * sum[j];
        }
        spaceNorm = Math.sqrt(spaceNorm);
        double minusInner = Math.max((sum[0] - spaceNorm) * (sum[0] + spaceNorm), 1 / lorentz.c());
        double scale = 1 / (sqrtC * Math.sqrt(minusInner));
        double[] space = new double[sum.length - 1];
        for (int j = 0; j < space.length; j++) {
            space[j] = scale * sum[j + 1];
        }
        return lorentz.fromSpace(space);
    }

    private double[][] toLorentz(double[][] points) {
        double[][] lifted = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            try {
                lifted[i] = models.toLorentz(points[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("points[" + i + "]: " + e.getMessage(), e);
            }
            if (lifted[i].length != lifted[0].length) {
                throw dimensionMismatch(points, i);
            }
        }
        return lifted;
    }

    private void requireLorentzPoints(double[][] points) {
        for (int i = 0; i < points.length; i++) {
            lorentz.requirePoint("points[" + i + "]", points[i]);
            if (points[i].length != points[0].length) {
                throw dimensionMismatch(points, i);
            }
        }
    }

    private static IllegalArgumentException dimensionMismatch(double[][] points, int i) {
        return new IllegalArgumentException("points[" + i + "] has dimension " + points[i].length
                + " but points[0] has dimension " + points[0].length);
    }

    private static double[] uniform(double[][] points) {
        Objects.requireNonNull(points, "points");
        double[] w = new double[points.length];
        Arrays.fill(w, 1);
        return w;
    }

    /** Checks points is non-empty and weights match it; returns the weights scaled to sum 1. */
    private static double[] normalisedWeights(double[][] points, double[] weights) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(weights, "weights");
        if (points.length == 0) {
            throw new IllegalArgumentException("points is empty; a mean needs at least one point");
        }
        if (weights.length != points.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries for " + points.length
                    + " points");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "] is " + weights[i]
                        + "; weights must be finite and non-negative");
            }
            sum += weights[i];
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("weights sum to " + sum + "; need a positive finite sum");
        }
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i] / sum;
        }
        return w;
    }
}
