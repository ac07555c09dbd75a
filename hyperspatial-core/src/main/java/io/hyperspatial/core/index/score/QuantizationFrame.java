package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.manifold.schema.VectorMetric;

/**
 * How a metric's score is rebuilt from quantized codes. Every metric's score is written as a
 * function of one Euclidean quantity between two "bodies" (their inner product, or their squared
 * distance via the squared norms) and one float kept exactly per vector, so codes only ever
 * approximate a plain Euclidean inner product and the estimate comes out in the exact space's
 * score units:
 * <ul>
 *   <li>l2: body x − μ; score ‖b_x‖² + ‖b_y‖² − 2⟨b_x,b_y⟩ (translation does not change it);</li>
 *   <li>dot: body x − μ, kept k = ⟨μ,x⟩ − ‖μ‖²/2, so ⟨x,y⟩ = ⟨b_x,b_y⟩ + k_x + k_y and the score
 *       is its negation; cosine: the same on the normalised vector, score 1 − ⟨x̂,ŷ⟩;</li>
 *   <li>Poincaré: body x (centred at the origin, inside the ball), kept α = 1/(1 − c‖x‖²); score
 *       ‖b_x − b_y‖²·α_x·α_y, exactly the exact space's score with the distance estimated;</li>
 *   <li>Lorentz: body the point's Poincaré image p = x_s/(1 + √c·x₀), kept α_p = (1 + √c·x₀)/2
 *       (which is 1/(1 − c‖p‖²), computed without cancellation); since
 *       −c⟨x,y⟩_L = 1 + 2c‖p−q‖²α_pα_q, the exact score −2c⟨x,y⟩_L − 2 ({@link LorentzSpace}) is
 *       4c‖p−q‖²α_pα_q. Codes of
 *       x itself would be useless: x₀ is unbounded and −⟨x,y⟩_L a difference of huge products.</li>
 * </ul>
 * μ is the mean of the calibration sample for the Euclidean metrics and the origin for the
 * hyperbolic ones. Immutable and thread-safe.
 */
final class QuantizationFrame {
    private final VectorMetric metric;
    private final int dimension;
    private final double c;
    private final double sqrtC;

    QuantizationFrame(IndexConfig config) {
        this.metric = config.metric();
        this.dimension = config.dimension();
        this.c = config.curvature();
        this.sqrtC = Math.sqrt(c);
    }

    VectorMetric metric() {
        return metric;
    }

    /** Length of a body: the dimension, or one less for Lorentz (the space part of the image). */
    int bodyDimension() {
        return metric == VectorMetric.LORENTZ ? dimension - 1 : dimension;
    }

    /** Whether bodies are centred on the calibration sample's mean (the Euclidean metrics). */
    boolean centred() {
        return metric == VectorMetric.L2 || metric == VectorMetric.DOT || metric == VectorMetric.COSINE;
    }

    /** The point a body is measured from before centring: x, x/‖x‖, or the Poincaré image. */
    float[] image(float[] vector) {
        return switch (metric) {
            case L2, DOT, POINCARE -> vector.clone();
            case COSINE -> {
                double norm = Math.sqrt(squaredNorm(vector));
                float[] unit = new float[dimension];
                for (int i = 0; i < dimension; i++) {
                    unit[i] = (float) (vector[i] / norm);
                }
                yield unit;
            }
            case LORENTZ -> {
                double denominator = 1 + sqrtC * vector[0];
                float[] p = new float[dimension - 1];
                for (int i = 1; i < dimension; i++) {
                    p[i - 1] = (float) (vector[i] / denominator);
                }
                yield p;
            }
        };
    }

    /**
     * Writes the body of a validated vector into {@code body} (its image minus {@code centre},
     * which is null for the hyperbolic metrics) and returns the float kept exactly beside it.
     */
    float prepare(float[] vector, float[] centre, float[] body) {
        float[] image = image(vector);
        double kept = 0;
        if (centre != null) {
            double centreDotImage = 0;
            double centreSquared = 0;
            for (int i = 0; i < image.length; i++) {
                body[i] = image[i] - centre[i];
                centreDotImage += (double) centre[i] * image[i];
                centreSquared += (double) centre[i] * centre[i];
            }
            kept = centreDotImage - centreSquared / 2;
        } else {
            System.arraycopy(image, 0, body, 0, image.length);
        }
        return switch (metric) {
            case L2 -> 0f;
            case DOT, COSINE -> (float) kept;
            case POINCARE -> (float) (1 / (1 - c * squaredNorm(vector)));
            case LORENTZ -> (float) ((1 + sqrtC * vector[0]) / 2);
        };
    }

    /**
     * The estimated score of two vectors from the estimated inner product of their bodies, their
     * (estimated or exact) squared body norms and their kept floats.
     */
    float score(float inner, float squaredA, float squaredB, float keptA, float keptB) {
        return switch (metric) {
            case L2 -> Math.max(0f, squaredA + squaredB - 2 * inner);
            case DOT -> -(inner + keptA + keptB);
            case COSINE -> 1f - (inner + keptA + keptB);
            case POINCARE -> Math.max(0f, squaredA + squaredB - 2 * inner) * keptA * keptB;
            case LORENTZ -> (float) (4 * c) * Math.max(0f, squaredA + squaredB - 2 * inner) * keptA * keptB;
        };
    }

    static double squaredNorm(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s;
    }
}
