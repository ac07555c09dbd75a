package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Recall@10 against exact brute force for every metric, ef handling and reported distances. */
class HnswRecallTest {
    static final int N = 4000;
    static final int QUERIES = 100;
    static final int K = 10;

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void recallAtTenIsAtLeast95PercentForEveryMetric(VectorMetric metric) {
        int dim = 16;
        float[][] data = TestVectors.of(metric, N + QUERIES, dim, 7 + metric.ordinal());
        float[][] base = java.util.Arrays.copyOf(data, N);
        // M 24: hierarchical hyperbolic data keeps some nodes without in-links at M 16 (recall ~0.95)
        IndexConfig config = IndexConfig.of(metric, dim).withM(24).withEfConstruction(200).withEfSearch(64);
        HnswIndex index = HnswIndex.build(config, IntStream.range(0, N).toArray(), base, 1);

        double recall = 0;
        for (int q = N; q < N + QUERIES; q++) {
            List<SearchHit> hits = index.search(SearchRequest.of(data[q], K));
            int[] truth = ExactKnn.nearest(metric, base, data[q], K, i -> true);
            assertThat(hits).hasSize(K);
            assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(a.distance(), b.distance()));
            for (SearchHit hit : hits) {
                double expected = ExactKnn.distance(metric, data[q], base[hit.id()]);
                assertThat((double) hit.distance()).as("%s distance of id %d", metric, hit.id())
                        .isCloseTo(expected, within(1e-3 * Math.max(1, Math.abs(expected))));
            }
            recall += ExactKnn.recall(hits, truth);
        }
        assertThat(recall / QUERIES).as("%s recall@10 at ef 64", metric).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void higherEfSearchNeverLowersRecallAndChangesResults() {
        int dim = 24;
        float[][] data = TestVectors.of(VectorMetric.L2, N + QUERIES, dim, 11);
        float[][] base = java.util.Arrays.copyOf(data, N);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, dim).withM(8).withEfConstruction(40),
                IntStream.range(0, N).toArray(), base, 1);
        int[][] truth = new int[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            truth[q] = ExactKnn.nearest(VectorMetric.L2, base, data[N + q], K, i -> true);
        }

        index.setEfSearch(10);
        double low = recall(index, data, truth);
        index.setEfSearch(200);
        double high = recall(index, data, truth);

        assertThat(index.config().efSearch()).isEqualTo(200);
        assertThat(high).isGreaterThan(low).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void kAboveEfIsAnsweredWithKResults() {
        int dim = 8;
        float[][] base = TestVectors.of(VectorMetric.L2, 2000, dim, 3);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, dim), IntStream.range(0, 2000).toArray(), base, 1);

        List<SearchHit> hits = index.search(new SearchRequest(base[5], 50, 4, null));

        assertThat(hits).hasSize(50);
        assertThat(hits.getFirst().id()).isEqualTo(5);
        assertThat(ExactKnn.recall(hits, ExactKnn.nearest(VectorMetric.L2, base, base[5], 50, i -> true)))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void emptyIndexAnswersWithNoHits() {
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.COSINE, 4));

        assertThat(index.search(SearchRequest.of(new float[] {1, 0, 0, 0}, 5))).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void fewerVectorsThanKReturnsThemAll() {
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.L2, 2));
        index.add(7, new float[] {0, 0});
        index.add(3, new float[] {1, 0});
        index.add(9, new float[] {5, 5});

        List<SearchHit> hits = index.search(SearchRequest.of(new float[] {0.9f, 0}, 10));

        assertThat(hits).extracting(SearchHit::id).containsExactly(3, 7, 9);
        assertThat(hits.getFirst().distance()).isCloseTo(0.1f, within(1e-6f));
    }

    static double recall(HnswIndex index, float[][] data, int[][] truth) {
        double sum = 0;
        for (int q = 0; q < truth.length; q++) {
            sum += ExactKnn.recall(index.search(SearchRequest.of(data[N + q], K)), truth[q]);
        }
        return sum / truth.length;
    }
}
