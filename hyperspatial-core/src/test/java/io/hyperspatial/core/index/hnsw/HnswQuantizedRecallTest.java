package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Quantized indexes traverse on codes and rerank exactly: recall stays close to the float32
 * index, reported distances are exact, and the codes cost less memory than the vectors.
 */
class HnswQuantizedRecallTest {
    static final int N = 3000;
    static final int QUERIES = 60;
    static final int K = 10;
    static final int DIM = 16;

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void int8KeepsRecallAndReportsExactDistances(VectorMetric metric) {
        assertRecall(metric, Quantization.INT8, 0.93);
    }

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void binaryWithRerankKeepsUsefulRecall(VectorMetric metric) {
        assertRecall(metric, Quantization.BINARY, 0.85);
    }

    private static void assertRecall(VectorMetric metric, Quantization quantization, double floor) {
        float[][] data = TestVectors.of(metric, N + QUERIES, DIM, 31 + metric.ordinal());
        float[][] base = Arrays.copyOf(data, N);
        IndexConfig config = IndexConfig.of(metric, DIM).withM(24).withEfConstruction(200).withEfSearch(64)
                .withQuantization(quantization);
        HnswIndex index = HnswIndex.build(config, IntStream.range(0, N).toArray(), base, 2);

        double recall = 0;
        for (int q = N; q < N + QUERIES; q++) {
            List<SearchHit> hits = index.search(SearchRequest.of(data[q], K));
            assertThat(hits).hasSize(K);
            for (SearchHit hit : hits) {
                double expected = ExactKnn.distance(metric, data[q], base[hit.id()]);
                assertThat((double) hit.distance()).as("%s %s distance", metric, quantization)
                        .isCloseTo(expected, within(1e-3 * Math.max(1, Math.abs(expected))));
            }
            recall += ExactKnn.recall(hits, ExactKnn.nearest(metric, base, data[q], K, i -> true));
        }
        assertThat(recall / QUERIES).as("%s %s recall@10 at ef 64", metric, quantization).isGreaterThanOrEqualTo(floor);
    }
}
