package io.hyperspatial.core.index;

import io.hyperspatial.core.geometry.HyperbolicFunctions;
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
 * for a score. Scores: Poincaré ‖u−v‖²·α_u·α_v (distance acosh(1+2c·score)/√c); Lorentz the
 * Minkowski square of the difference ‖u_s−v_s‖² − (u₀−v₀)², which ranks like −⟨u,v⟩_L but keeps
 * float32 precision far from the origin, where −⟨u,v⟩_L is a difference of huge products
 * (distance acosh(1+c·score/2)/√c); cosine 1−⟨u,v⟩ of normalised vectors; L2 squared distance
 * (distance its square root); dot −⟨u,v⟩. The same scores as the index's scoring spaces.
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

    /** A copy of a validated vector as it is stored and scored: normalised for cosine, as given otherwise. */
    float[] prepare(float[] v) {
        float[] copy = v.clone();
        if (metric == VectorMetric.COSINE) {
            double norm = Math.sqrt(squaredNorm(v));
            for (int i = 0; i < copy.length; i++) {
                copy[i] = (float) (v[i] / norm);
            }
        }
        return copy;
    }

    /** The per-vector factor of a prepared vector: α = 1/(1−c‖x‖²) for Poincaré, 0 for other metrics. */
    double factor(float[] prepared) {
        return metric == VectorMetric.POINCARE ? 1.0 / (1.0 - curvature * squaredNorm(prepared)) : 0;
    }

    /** The score of a prepared query (with its factor) against the prepared vector at {@code data[offset…]}. */
    double score(float[] query, double queryFactor, float[] data, int offset, double factor) {
        return switch (metric) {
            case L2 -> kernels.squareDistance(query, 0, data, offset, dimension);
            case COSINE -> 1.0 - kernels.dot(query, 0, data, offset, dimension);
            case DOT -> -(double) kernels.dot(query, 0, data, offset, dimension);
            case POINCARE -> kernels.squareDistance(query, 0, data, offset, dimension) * queryFactor * factor;
            case LORENTZ -> {
                double dt = (double) query[0] - data[offset];
                yield kernels.squareDistance(query, 1, data, offset + 1, dimension - 1) - dt * dt;
            }
        };
    }

    /** The metric's distance for a score. */
    float distance(double score) {
        return (float) switch (metric) {
            case L2 -> Math.sqrt(Math.max(0, score));
            case COSINE, DOT -> score;
            case POINCARE -> HyperbolicFunctions.acosh1p(2 * curvature * Math.max(0, score)) / sqrtCurvature;
            case LORENTZ -> HyperbolicFunctions.acosh1p(curvature * Math.max(0, score) / 2) / sqrtCurvature;
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
