package io.hyperspatial.core.index;

import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roaringbitmap.RoaringBitmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BruteForceIndexTest {
    private static final int DIM = 8;

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void returnsTheExactNearestWithTheirDistances(VectorMetric metric) {
        SplittableRandom random = new SplittableRandom(11);
        Map<Integer, float[]> data = new HashMap<>();
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(metric, DIM));
        for (int i = 0; i < 500; i++) {
            int id = 3 * i + 1;
            float[] v = point(metric, random);
            data.put(id, v);
            index.add(id, v);
        }
        for (int q = 0; q < 20; q++) {
            float[] query = point(metric, random);
            List<SearchHit> hits = index.search(SearchRequest.of(query, 10));
            List<SearchHit> expected = reference(metric, 1.0, data, query, 10);
            assertThat(hits).extracting(SearchHit::id).containsExactlyElementsOf(
                    expected.stream().map(SearchHit::id).toList());
            double tolerance = 1e-4;
            for (int i = 0; i < hits.size(); i++) {
                assertThat((double) hits.get(i).distance()).isCloseTo(expected.get(i).distance(),
                        within(tolerance * Math.max(1, Math.abs(expected.get(i).distance()))));
            }
        }
    }

    @Test
    void poincareAndLorentzAgreeOnDistancesAtAnyCurvature() {
        for (double c : new double[]{1.0, 0.25, 3.0}) {
            SplittableRandom random = new SplittableRandom(5);
            IndexConfig poincare = new IndexConfig(VectorMetric.POINCARE, DIM, 16, 100, 32, Quantization.NONE, c);
            IndexConfig lorentz = new IndexConfig(VectorMetric.LORENTZ, DIM + 1, 16, 100, 32, Quantization.NONE, c);
            BruteForceIndex p = new BruteForceIndex(poincare);
            BruteForceIndex l = new BruteForceIndex(lorentz);
            for (int i = 0; i < 200; i++) {
                float[] x = ballPoint(random, 0.95 / Math.sqrt(c), DIM);
                p.add(i, x);
                l.add(i, toLorentz(x, c));
            }
            float[] q = ballPoint(random, 0.9 / Math.sqrt(c), DIM);
            List<SearchHit> fromBall = p.search(SearchRequest.of(q, 5));
            List<SearchHit> fromHyperboloid = l.search(SearchRequest.of(toLorentz(q, c), 5));
            assertThat(fromHyperboloid).extracting(SearchHit::id)
                    .containsExactlyElementsOf(fromBall.stream().map(SearchHit::id).toList());
            for (int i = 0; i < 5; i++) {
                assertThat(fromHyperboloid.get(i).distance()).isCloseTo(fromBall.get(i).distance(), within(2e-3f));
            }
            // The distance from the origin of the ball is 2/√c · artanh(√c‖x‖).
            BruteForceIndex single = new BruteForceIndex(poincare);
            float[] x = {0.3f / (float) Math.sqrt(c), 0, 0, 0, 0, 0, 0, 0};
            single.add(0, x);
            double expected = 2 / Math.sqrt(c) * atanh(Math.sqrt(c) * x[0]);
            assertThat((double) single.search(SearchRequest.of(new float[DIM], 1)).getFirst().distance())
                    .isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void filtersReturnOnlyAllowedIdsAndKOfThemWhenThereAreK() {
        SplittableRandom random = new SplittableRandom(3);
        Map<Integer, float[]> data = new HashMap<>();
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(VectorMetric.L2, DIM));
        for (int id = 0; id < 1000; id++) {
            data.put(id, point(VectorMetric.L2, random));
            index.add(id, data.get(id));
        }
        float[] query = point(VectorMetric.L2, random);
        // A small filter is walked id by id (with ids that are not in the index), a large one checked per vector.
        RoaringBitmap small = RoaringBitmap.bitmapOf(7, 70, 700, 999, 5000, 123_456);
        RoaringBitmap large = new RoaringBitmap();
        large.add(0L, 1000L);
        large.remove(0, 500);
        large.add(2000L, 3000L);
        for (RoaringBitmap filter : List.of(small, large)) {
            Map<Integer, float[]> allowed = new HashMap<>();
            data.forEach((id, v) -> {
                if (filter.contains(id)) {
                    allowed.put(id, v);
                }
            });
            List<SearchHit> hits = index.search(SearchRequest.of(query, 10).withFilter(filter));
            assertThat(hits).extracting(SearchHit::id).containsExactlyElementsOf(
                    reference(VectorMetric.L2, 1.0, allowed, query, 10).stream().map(SearchHit::id).toList());
        }
        assertThat(index.search(SearchRequest.of(query, 10).withFilter(small))).hasSize(4);
        assertThat(index.search(SearchRequest.of(query, 10).withFilter(new RoaringBitmap()))).isEmpty();
    }

    @Test
    void removalsAreHiddenAtOnceAndTheSpaceIsReclaimed() {
        SplittableRandom random = new SplittableRandom(9);
        Map<Integer, float[]> data = new HashMap<>();
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(VectorMetric.COSINE, DIM));
        for (int id = 0; id < 2000; id++) {
            data.put(id, point(VectorMetric.COSINE, random));
            index.add(id, data.get(id));
        }
        long full = index.memoryBytes();
        for (int id = 0; id < 2000; id++) {
            if (id % 10 != 0) {
                assertThat(index.remove(id)).isTrue();
                data.remove(id);
            }
        }
        assertThat(index.remove(1)).isFalse();
        assertThat(index.size()).isEqualTo(200);
        assertThat(index.memoryBytes()).isLessThan(full / 3);
        for (int q = 0; q < 10; q++) {
            float[] query = point(VectorMetric.COSINE, random);
            assertThat(index.search(SearchRequest.of(query, 10))).extracting(SearchHit::id).containsExactlyElementsOf(
                    reference(VectorMetric.COSINE, 1.0, data, query, 10).stream().map(SearchHit::id).toList());
        }
        float[] v = point(VectorMetric.COSINE, random);
        index.add(1, v);
        assertThat(index.search(SearchRequest.of(v, 1)).getFirst().id()).isEqualTo(1);
    }

    @Test
    void addingAnIdAgainReplacesItsVector() {
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(VectorMetric.L2, 2));
        index.add(4, new float[]{0, 0});
        index.add(5, new float[]{10, 10});
        index.add(4, new float[]{20, 20});
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search(SearchRequest.of(new float[]{19, 19}, 2)))
                .containsExactly(new SearchHit(4, (float) Math.sqrt(2)), new SearchHit(5, (float) Math.sqrt(162)));
    }

    @Test
    void tiesGoToTheSmallerId() {
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(VectorMetric.L2, 1));
        for (int id : new int[]{9, 3, 7, 1, 5}) {
            index.add(id, new float[]{1});
        }
        assertThat(index.search(SearchRequest.of(new float[]{0}, 3))).extracting(SearchHit::id).containsExactly(1, 3, 5);
    }

    @Test
    void badVectorsAreRejectedWithTheirProblemNamedAndNothingIsStored() {
        BruteForceIndex l2 = new BruteForceIndex(IndexConfig.of(VectorMetric.L2, 3));
        l2.add(1, new float[]{1, 2, 3});
        assertThatThrownBy(() -> l2.add(2, new float[]{1, 2}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("id 2").hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> l2.add(2, new float[]{1, Float.NaN, 3}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> l2.add(-1, new float[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> l2.search(SearchRequest.of(new float[]{1, Float.POSITIVE_INFINITY, 0}, 1)))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("query");
        assertThat(l2.size()).isEqualTo(1);

        assertThatThrownBy(() -> new BruteForceIndex(IndexConfig.of(VectorMetric.COSINE, 2)).add(0, new float[]{0, 0}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("zero");
        assertThatThrownBy(() -> new BruteForceIndex(IndexConfig.of(VectorMetric.POINCARE, 2)).add(0, new float[]{0.8f, 0.6f}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("inside the unit ball");
        assertThatThrownBy(() -> new BruteForceIndex(IndexConfig.of(VectorMetric.LORENTZ, 3)).add(0, new float[]{1, 1, 0}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("hyperboloid");
        IndexConfig curved = new IndexConfig(VectorMetric.POINCARE, 2, 16, 100, 32, Quantization.NONE, 4.0);
        assertThatThrownBy(() -> new BruteForceIndex(curved).add(0, new float[]{0.5f, 0}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("radius 0.5");
        IndexConfig curvedLorentz = new IndexConfig(VectorMetric.LORENTZ, 3, 16, 100, 32, Quantization.NONE, 4.0);
        assertThatThrownBy(() -> new BruteForceIndex(curvedLorentz).add(0, new float[]{1, 0, 0}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("curvature -4.0");
        new BruteForceIndex(curvedLorentz).add(0, new float[]{0.5f, 0, 0});
    }

    @Test
    void buildValidatesEveryVectorBeforeStoringAny() {
        float[][] vectors = {{0.1f, 0.1f}, {0.2f, 0.2f}, {0.9f, 0.9f}};
        assertThatThrownBy(() -> BruteForceIndex.build(IndexConfig.of(VectorMetric.POINCARE, 2), new int[]{0, 1, 2}, vectors))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("id 2");
        assertThatThrownBy(() -> BruteForceIndex.build(IndexConfig.of(VectorMetric.POINCARE, 2), new int[]{0, 1}, vectors))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 ids for 3 vectors");
        BruteForceIndex built = BruteForceIndex.build(IndexConfig.of(VectorMetric.L2, 2), new int[]{5, 6, 5}, vectors);
        assertThat(built.size()).isEqualTo(2);
        assertThat(built.search(SearchRequest.of(new float[]{0.9f, 0.9f}, 1)).getFirst().id()).isEqualTo(5);
    }

    @Test
    void concurrentAddsRemovesAndSearchesLeaveTheExpectedContents() throws Exception {
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(VectorMetric.DOT, DIM));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(thread);
                    for (int i = 0; i < 2000; i++) {
                        int id = thread * 10_000 + i;
                        index.add(id, point(VectorMetric.DOT, random));
                        if (i % 2 == 1) {
                            assertThat(index.remove(id - 1)).isTrue();
                        }
                    }
                }));
            }
            futures.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(99);
                for (int i = 0; i < 300; i++) {
                    List<SearchHit> hits = index.search(SearchRequest.of(point(VectorMetric.DOT, random), 5));
                    assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(SearchHit::distance));
                }
            }));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(3000);
        RoaringBitmap odd = RoaringBitmap.bitmapOf(1, 10_001, 20_001, 1999, 0);
        assertThat(index.search(SearchRequest.of(new float[DIM], 10).withFilter(odd)))
                .extracting(SearchHit::id).containsExactlyInAnyOrder(1, 10_001, 20_001, 1999);
    }

    private static float[] point(VectorMetric metric, SplittableRandom random) {
        return switch (metric) {
            case POINCARE -> ballPoint(random, 0.97, DIM);
            case LORENTZ -> toLorentz(ballPoint(random, 0.97, DIM - 1), 1.0);
            default -> gaussian(random, DIM);
        };
    }

    private static float[] gaussian(SplittableRandom random, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** A point of the ball of radius {@code maxRadius}, radius uniform in [0, maxRadius). */
    private static float[] ballPoint(SplittableRandom random, double maxRadius, int dim) {
        float[] v = gaussian(random, dim);
        double norm = Math.sqrt(squaredNorm(v));
        double r = maxRadius * random.nextDouble();
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (v[i] / norm * r);
        }
        return v;
    }

    /** The Lorentz point of curvature −c (time first) of a Poincaré point of the same curvature. */
    private static float[] toLorentz(float[] x, double c) {
        double sq = c * squaredNorm(x);
        float[] l = new float[x.length + 1];
        l[0] = (float) ((1 + sq) / (1 - sq) / Math.sqrt(c));
        for (int i = 0; i < x.length; i++) {
            l[i + 1] = (float) (2 * x[i] / (1 - sq));
        }
        return l;
    }

    /** Exact k nearest in double precision, straight from the metrics' definitions (curvature c). */
    private static List<SearchHit> reference(VectorMetric metric, double c, Map<Integer, float[]> data, float[] q, int k) {
        List<SearchHit> all = new ArrayList<>();
        data.forEach((id, v) -> all.add(new SearchHit(id, (float) distance(metric, c, q, v))));
        all.sort(Comparator.comparingDouble((SearchHit h) -> distance(metric, c, q, data.get(h.id())))
                .thenComparingInt(SearchHit::id));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static double distance(VectorMetric metric, double c, float[] u, float[] v) {
        double dot = 0;
        double sq = 0;
        for (int i = 0; i < u.length; i++) {
            dot += (double) u[i] * v[i];
            sq += ((double) u[i] - v[i]) * ((double) u[i] - v[i]);
        }
        return switch (metric) {
            case L2 -> Math.sqrt(sq);
            case DOT -> -dot;
            case COSINE -> 1 - dot / Math.sqrt(squaredNorm(u) * squaredNorm(v));
            case POINCARE -> acosh(1 + 2 * c * sq / ((1 - c * squaredNorm(u)) * (1 - c * squaredNorm(v)))) / Math.sqrt(c);
            case LORENTZ -> acosh(c * ((double) u[0] * v[0] - (dot - (double) u[0] * v[0]))) / Math.sqrt(c);
        };
    }

    private static double squaredNorm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return s;
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(Math.max(0, x * x - 1)));
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    @Test
    void removingANegativeIdChangesNothing() {
        BruteForceIndex index = new BruteForceIndex(IndexConfig.of(VectorMetric.L2, 2));
        index.add(0, new float[]{0, 0});
        index.add(1, new float[]{1, 1});
        assertThat(index.remove(-1)).isFalse();
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.search(SearchRequest.of(new float[]{1, 1}, 2))).extracting(SearchHit::id).containsExactly(1, 0);
    }
}
