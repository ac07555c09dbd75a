package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rank quality of the quantized spaces over the real exact spaces: for seeded clustered data the
 * exact ten nearest of 2,000 vectors must be found among the quantized space's nearest, and the
 * estimated distances must be close to the exact ones (quantized scores are in exact units).
 * Bounds are the measured values with margin; random or sign-flipped scores fail them by far.
 */
class QuantizedScoringSpacesTest {
    private static final int N = 2000;
    private static final int QUERIES = 30;

    static Stream<Arguments> metrics() {
        return Stream.of(
                Arguments.of(VectorMetric.L2, 1.0),
                Arguments.of(VectorMetric.DOT, 1.0),
                Arguments.of(VectorMetric.COSINE, 1.0),
                Arguments.of(VectorMetric.POINCARE, 1.0),
                Arguments.of(VectorMetric.POINCARE, 0.3),
                Arguments.of(VectorMetric.LORENTZ, 1.0),
                Arguments.of(VectorMetric.LORENTZ, 0.3));
    }

    @ParameterizedTest(name = "{0} c={1}")
    @MethodSource("metrics")
    void int8FindsTheExactTopTenAmongItsBestAndEstimatesDistances(VectorMetric metric, double c) {
        Measured m = measure(metric, c, 16, Quantization.INT8);
        // measured 0.967–0.99 inside the int8 top 10, 1.0 inside the top 20 and a median distance
        // error of 0.0003 (dot) to 0.018 (cosine) for every case
        assertThat(m.recallAt(10)).as("exact top 10 inside int8 top 10").isGreaterThanOrEqualTo(0.9);
        assertThat(m.recallAt(10 * m.rerankFactor)).as("exact top 10 inside int8 top 30").isGreaterThanOrEqualTo(0.98);
        assertThat(m.medianDistanceError).as("median relative error of the estimated distance of the top 10")
                .isLessThan(0.05);
    }

    @ParameterizedTest(name = "{0} c={1}")
    @MethodSource("metrics")
    void binaryFindsTheExactTopTenWithinItsRerankPool(VectorMetric metric, double c) {
        Measured low = measure(metric, c, 16, Quantization.BINARY);
        // 64 bits of body: a Lorentz body is the space part, one shorter than the vector
        Measured high = measure(metric, c, metric == VectorMetric.LORENTZ ? 65 : 64, Quantization.BINARY);
        assertThat(low.rerankFactor).isEqualTo(16);
        assertThat(high.rerankFactor).isEqualTo(8);
        // measured 0.95–1.0 (dimension 16, top 160) and 0.957–1.0 (dimension 64, top 80)
        assertThat(low.recallAt(10 * low.rerankFactor)).as("dimension 16").isGreaterThanOrEqualTo(0.9);
        assertThat(high.recallAt(10 * high.rerankFactor)).as("dimension 64").isGreaterThanOrEqualTo(0.9);
        // a far smaller pool still holds a good share (measured 0.47–0.90 inside the top 20)
        assertThat(high.recallAt(20)).as("dimension 64, top 20").isGreaterThanOrEqualTo(0.3);
    }

    /** What one seeded run measured: per k, the share of the exact top 10 inside the quantized top k. */
    private record Measured(double[] recall, double medianDistanceError, int rerankFactor) {
        double recallAt(int k) {
            return recall[k];
        }
    }

    private static Measured measure(VectorMetric metric, double c, int dimension, Quantization quantization) {
        IndexConfig config = new IndexConfig(metric, dimension, 16, 200, 64, quantization, c);
        QuantizedTestData data = new QuantizedTestData(metric, dimension, c, 7);
        QuantizedScoringSpace space = (QuantizedScoringSpace) QuantizedSpaces.wrap(ScoringSpaces.create(config), config);
        for (float[] v : data.points(N)) {
            space.add(v);
        }
        assertThat(((CodeScoringSpace<?>) space).calibrated()).isTrue();
        int maxK = 10 * space.rerankFactor();
        double[] recall = new double[maxK + 1];
        double[] errors = new double[QUERIES * 10];
        for (int q = 0; q < QUERIES; q++) {
            float[] query = data.next();
            NodeScorer exact = space.exact().scorer(query);
            NodeScorer quantized = space.scorer(query);
            int[] byExact = ranked(exact);
            int[] byQuantized = ranked(quantized);
            Set<Integer> truth = new HashSet<>();
            for (int j = 0; j < 10; j++) {
                truth.add(byExact[j]);
                double exactDistance = space.exact().distance(exact.score(byExact[j]));
                double estimated = space.distance(quantized.score(byExact[j]));
                errors[q * 10 + j] = Math.abs(estimated - exactDistance) / Math.max(Math.abs(exactDistance), 1e-3);
            }
            int found = 0;
            for (int k = 1; k <= maxK; k++) {
                if (truth.contains(byQuantized[k - 1])) {
                    found++;
                }
                recall[k] += found / 10.0 / QUERIES;
            }
        }
        Arrays.sort(errors);
        return new Measured(recall, errors[errors.length / 2], space.rerankFactor());
    }

    private static int[] ranked(NodeScorer scorer) {
        float[] scores = new float[N];
        for (int i = 0; i < N; i++) {
            scores[i] = scorer.score(i);
        }
        return IntStream.range(0, N).boxed().sorted(Comparator.comparingDouble(i -> scores[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
