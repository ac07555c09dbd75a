package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.RoaringBitmap;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allow-list searches: recall and exactly k results at 1% and 0.1% selectivity (exact scan),
 * at high selectivity (filtered graph search), and when the allowed ids lie far from the query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HnswFilterTest {
    static final int N = 10_000;
    static final int QUERIES = 50;
    static final int K = 10;
    static final int DIM = 16;

    float[][] data;
    float[][] base;
    HnswIndex index;

    @BeforeAll
    void build() {
        data = TestVectors.clustered(N + QUERIES, DIM, 32, 0.35, 21);
        base = Arrays.copyOf(data, N);
        index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(100),
                IntStream.range(0, N).toArray(), base, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 10, 6000, 9000})
    void allowListOfSizeReturnsExactlyKWithRecallAtLeast95Percent(int allowedCount) {
        RoaringBitmap allowed = randomIds(allowedCount, 31 + allowedCount);

        double recall = 0;
        for (int q = N; q < N + QUERIES; q++) {
            List<SearchHit> hits = index.search(SearchRequest.of(data[q], K).withFilter(allowed));
            assertThat(hits).hasSize(K).allSatisfy(h -> assertThat(allowed.contains(h.id())).isTrue());
            recall += ExactKnn.recall(hits, ExactKnn.nearest(VectorMetric.L2, base, data[q], K, allowed::contains));
        }
        assertThat(recall / QUERIES).as("recall with %d allowed of %d", allowedCount, N).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void fewerAllowedThanKReturnsAllOfThem() {
        RoaringBitmap allowed = randomIds(6, 5);

        List<SearchHit> hits = index.search(SearchRequest.of(data[N], K).withFilter(allowed));

        assertThat(hits).extracting(SearchHit::id).containsExactlyInAnyOrder(IntStream.of(allowed.toArray()).boxed().toArray(Integer[]::new));
    }

    @Test
    void idsAbsentFromTheIndexAreNeverReturned() {
        RoaringBitmap allowed = randomIds(4, 8);
        allowed.add(N + 1, N + 50_000);

        List<SearchHit> hits = index.search(SearchRequest.of(data[N + 1], K).withFilter(allowed));

        assertThat(hits).extracting(SearchHit::id).containsExactlyInAnyOrder(IntStream.of(allowed.limit(4).toArray()).boxed().toArray(Integer[]::new));
        assertThat(index.search(SearchRequest.of(data[N + 1], K).withFilter(RoaringBitmap.bitmapOf(N + 7)))).isEmpty();
    }

    @Test
    void allowedIdsFarFromTheQueryAreStillFoundExactly() {
        // half the points, all on the far side of the first coordinate from each query
        float[] median = base[0].clone();
        float[] firsts = new float[N];
        for (int i = 0; i < N; i++) {
            firsts[i] = base[i][0];
        }
        Arrays.sort(firsts);
        median[0] = firsts[N / 2];
        RoaringBitmap farSide = new RoaringBitmap();
        for (int i = 0; i < N; i++) {
            if (base[i][0] > median[0]) {
                farSide.add(i);
            }
        }
        double recall = 0;
        int queries = 0;
        for (int q = N; q < N + QUERIES; q++) {
            if (data[q][0] > median[0]) {
                continue;
            }
            List<SearchHit> hits = index.search(SearchRequest.of(data[q], K).withFilter(farSide));
            assertThat(hits).hasSize(K);
            recall += ExactKnn.recall(hits, ExactKnn.nearest(VectorMetric.L2, base, data[q], K, farSide::contains));
            queries++;
        }
        assertThat(queries).isPositive();
        assertThat(recall / queries).isGreaterThanOrEqualTo(0.95);
    }

    private static RoaringBitmap randomIds(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RoaringBitmap ids = new RoaringBitmap();
        while (ids.getCardinality() < count) {
            ids.add(r.nextInt(N));
        }
        return ids;
    }
}
