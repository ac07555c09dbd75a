package io.hyperspatial.core.index;

import io.hyperspatial.core.geometry.HyperbolicFunctions;
import io.hyperspatial.core.index.score.LorentzSpace;
import io.hyperspatial.core.vector.VectorKernels;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.schema.WriteValidator;

/**
 * Exact scores of one metric and curvature, in double where it matters: validation of points,
 * their preparation (cosine vectors normalised), the per-vector factor (Poincaré's conformal
 * factor α = 1/(1−c‖x‖²)), a score that is lower for closer points, and the metric's distance
 * for a score. Scores: Poincaré ‖u−v‖²·α_u·α_v (distance acosh(1+2c·score)/√c); Lorentz
 * 2·(cosh √c·d − 1) in geodesic polar form, as {@link LorentzSpace} computes it (a Lorentz point
 * is prepared into its unit direction, after an unused first float, and its factor is e^{r/2}
 * for its scaled radius r = √c·ρ, from which the score needs no transcendental function: with
 * f = e^{r/2}, 2·sinh((r_u − r_v)/2) = f_u/f_v − f_v/f_u and sinh r = (f² − f⁻²)/2), which
 * ranks like −⟨u,v⟩_L without the cancellation that makes −⟨u,v⟩_L useless far from the origin
 * (distance acosh(1+score/2)/√c);
 * cosine 1−⟨u,v⟩ of normalised vectors; L2 squared distance (distance its square root); dot
 * −⟨u,v⟩. The same scores as the index's scoring spaces.
 * Immutable and thread-safe.
 */
final class ExactMetric {
    private final VectorMetric metric;
    private final int dimension;
    private final double curvature;
    private final double sqrtCurvature;
    private final VectorKernels kernels = VectorKernels.get();

    ExactMetric(IndexConfig config) {
        this.metric = config.metric();
        this.dimension = config.dimension();
        this.curvature = config.curvature();
        this.sqrtCurvature = Math.sqrt(curvature);
    }

    /**
     * Rejects a vector that has no meaning under the metric (wrong dimension, NaN/∞, zero for
     * cosine, outside the ball of radius 1/√c for Poincaré, off the hyperboloid ⟨x,x⟩_L = −1/c for
     * Lorentz), with a {@link SchemaViolationException} naming {@code field}.
     */
    void validate(String field, float[] v) {
        if (v == null) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field, field + " must not be null");
        }
        WriteValidator.dense(new VectorField(field, 0, VectorKind.DENSE, dimension, metric, curvature), v);
    }

    /**
     * A copy of a validated vector as it is stored and scored: normalised for cosine, the unit
     * direction of the space part (after a zero) for Lorentz, as given otherwise.
     */
    float[] prepare(float[] v) {
        float[] copy = v.clone();
        if (metric == VectorMetric.COSINE) {
            double norm = Math.sqrt(squaredNorm(v));
            for (int i = 0; i < copy.length; i++) {
                copy[i] = (float) (v[i] / norm);
            }
        } else if (metric == VectorMetric.LORENTZ) {
            double norm = LorentzSpace.spaceNorm(v);
            copy[0] = 0;
            for (int i = 1; i < copy.length; i++) {
                copy[i] = norm > 0 ? (float) (v[i] / norm) : 0;
            }
        }
        return copy;
    }

    /**
     * The per-vector factor of a vector (as given, not prepared): α = 1/(1−c‖x‖²) for Poincaré,
     * e^{r/2} of the scaled radius r = asinh(√c·‖x_s‖) for Lorentz, 0 for other metrics.
     */
    double factor(float[] v) {
        return switch (metric) {
            case POINCARE -> 1.0 / (1.0 - curvature * squaredNorm(v));
            case LORENTZ -> Math.exp(HyperbolicFunctions.asinh(sqrtCurvature * LorentzSpace.spaceNorm(v)) / 2);
            default -> 0;
        };
    }

    /** The score of a prepared query (with its factor) against the prepared vector at {@code data[offset…]}. */
    double score(float[] query, double queryFactor, float[] data, int offset, double factor) {
        return switch (metric) {
            case L2 -> kernels.squareDistance(query, 0, data, offset, dimension);
            case COSINE -> 1.0 - kernels.dot(query, 0, data, offset, dimension);
            case DOT -> -(double) kernels.dot(query, 0, data, offset, dimension);
            case POINCARE -> kernels.squareDistance(query, 0, data, offset, dimension) * queryFactor * factor;
            case LORENTZ -> {
                double radial = queryFactor / factor - factor / queryFactor;
                double angular = kernels.squareDistance(query, 1, data, offset + 1, dimension - 1);
                double sinhQuery = (queryFactor * queryFactor - 1 / (queryFactor * queryFactor)) / 2;
                double sinhVector = (factor * factor - 1 / (factor * factor)) / 2;
                yield radial * radial + sinhQuery * sinhVector * angular;
            }
        };
    }

    /** The metric's distance for a score. */
    float distance(double score) {
        return (float) switch (metric) {
            case L2 -> Math.sqrt(Math.max(0, score));
            case COSINE, DOT -> score;
            case POINCARE -> HyperbolicFunctions.acosh1p(2 * curvature * Math.max(0, score)) / sqrtCurvature;
            case LORENTZ -> HyperbolicFunctions.acosh1p(Math.max(0, score) / 2) / sqrtCurvature;
        };
    }

    private static double squaredNorm(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        return sq;
    }
}
