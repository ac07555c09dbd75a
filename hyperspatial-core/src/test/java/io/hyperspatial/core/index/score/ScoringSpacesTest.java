package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScoringSpacesTest {
    private static final int DIM = 12;

    /** A valid random point of the metric: Poincaré radii skewed toward the boundary, Lorentz lifted. */
    static float[] point(VectorMetric metric, Random r, double c) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        switch (metric) {
            case POINCARE -> {
                double radius = (1 - Math.pow(r.nextDouble(), 4) * 0.999) * 0.999 / Math.sqrt(c);
                double norm = Math.sqrt(ScoringSpacesTest.norm2(v));
                for (int i = 0; i < DIM; i++) {
                    v[i] = (float) (v[i] / norm * radius);
                }
            }
            case LORENTZ -> {
                double spatial = 0;
                for (int i = 1; i < DIM; i++) {
                    spatial += (double) v[i] * v[i];
                }
                v[0] = (float) Math.sqrt(1 / c + spatial);
            }
            default -> {
            }
        }
        return v;
    }

    static double norm2(float[] v) {
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s;
    }

    /** The metric's distance computed in double from the definitions. */
    static double reference(VectorMetric metric, float[] u, float[] v, double c) {
        double dot = 0, diff = 0;
        for (int i = 0; i < u.length; i++) {
            dot += (double) u[i] * v[i];
            diff += ((double) u[i] - v[i]) * ((double) u[i] - v[i]);
        }
        return switch (metric) {
            case L2 -> Math.sqrt(diff);
            case DOT -> -dot;
            case COSINE -> 1 - dot / Math.sqrt(norm2(u) * norm2(v));
            case POINCARE -> acosh(1 + 2 * c * diff / ((1 - c * norm2(u)) * (1 - c * norm2(v)))) / Math.sqrt(c);
            case LORENTZ -> {
                double inner = dot - 2 * (double) u[0] * v[0];
                yield acosh(Math.max(1, -c * inner)) / Math.sqrt(c);
            }
        };
    }

    static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void distancesAgreeWithTheDefinitionComputedInDouble(VectorMetric metric) {
        for (double c : new double[]{1.0, 0.5, 2.0}) {
            Random r = new Random(7);
            ScoringSpace space = ScoringSpaces.create(new IndexConfig(metric, DIM, 16, 100, 50,
                    io.hyperspatial.core.index.Quantization.NONE, c));
            List<float[]> stored = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                float[] v = point(metric, r, c);
                stored.add(v);
                assertThat(space.add(v)).isEqualTo(i);
            }
            for (int q = 0; q < 20; q++) {
                float[] query = point(metric, r, c);
                NodeScorer scorer = space.scorer(query);
                for (int i = 0; i < stored.size(); i++) {
                    double expected = reference(metric, query, stored.get(i), c);
                    double actual = space.distance(scorer.score(i));
                    assertThat(actual).as("%s c=%s vector %d", metric, c, i)
                            .isCloseTo(expected, within(1e-3 * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void batchScoresAreTheOneByOneScoresBitForBit(VectorMetric metric) {
        Random r = new Random(11);
        ScoringSpace space = ScoringSpaces.create(IndexConfig.of(metric, DIM));
        int size = 2500; // three storage pages
        for (int i = 0; i < size; i++) {
            space.add(point(metric, r, 1));
        }
        NodeScorer scorer = space.scorer(point(metric, r, 1));
        int[] ordinals = new int[40];
        float[] batch = new float[ordinals.length];
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < ordinals.length; i++) {
                ordinals[i] = r.nextInt(size);
            }
            int n = r.nextInt(ordinals.length + 1);
            batch[n == ordinals.length ? 0 : n] = Float.NaN;
            scorer.scoreAll(ordinals, n, batch);
            for (int i = 0; i < n; i++) {
                assertThat(Float.floatToRawIntBits(batch[i])).as("%s ordinal %d", metric, ordinals[i])
                        .isEqualTo(Float.floatToRawIntBits(scorer.score(ordinals[i])));
            }
            if (n < ordinals.length) {
                assertThat(batch[n]).as("written past n").isNaN();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void aStoredVectorIsGivenBackAndCanBeReplaced(VectorMetric metric) {
        Random r = new Random(3);
        ScoringSpace space = ScoringSpaces.create(IndexConfig.of(metric, DIM));
        float[] a = point(metric, r, 1);
        float[] b = point(metric, r, 1);
        int ord = space.add(a);
        assertThat(space.vector(ord)).usingComparatorWithPrecision(1e-5f).containsExactly(a);
        space.set(ord, b);
        assertThat(space.vector(ord)).usingComparatorWithPrecision(1e-5f).containsExactly(b);
        assertThat(space.distance(space.scorer(b).score(ord))).isCloseTo(metric == VectorMetric.DOT
                ? (float) reference(metric, b, b, 1) : 0f, within(1e-3f));
        assertThat(space.scorer(ord).score(ord)).isEqualTo(space.scorer(b).score(ord));
    }

    @Test
    void poincareKeepsPrecisionForClosePointsNearTheBoundary() {
        ScoringSpace space = ScoringSpaces.create(IndexConfig.of(VectorMetric.POINCARE, 2));
        float[] u = {0.99999f, 0f};
        float[] v = {0.99999f, 0.00001f};
        space.add(v);
        double expected = reference(VectorMetric.POINCARE, u, v, 1);
        assertThat((double) space.distance(space.scorer(u).score(0))).isCloseTo(expected, within(expected * 1e-3));
    }

    @Test
    void lorentzKeepsPrecisionForClosePointsFarFromTheOrigin() {
        ScoringSpace space = ScoringSpaces.create(IndexConfig.of(VectorMetric.LORENTZ, 3));
        double s = 500;
        float[] u = {(float) Math.sqrt(1 + s * s), (float) s, 0f};
        float[] v = {(float) Math.sqrt(1 + s * s + 1), (float) s, 1f};
        space.add(v);
        // exact: both points share x1 = 500; the second moves 1 along x2 — distance asinh-sized, well above 0
        double expected = reference(VectorMetric.LORENTZ, u, v, 1);
        assertThat(expected).isGreaterThan(1e-3);
        assertThat((double) space.distance(space.scorer(u).score(0))).isCloseTo(expected, within(expected * 0.05));
    }

    /**
     * Where a WordNet noun hierarchy ends (radius 28, coordinates of 7·10^11), a child straight
     * below its parent is at distance 1.4 and a sibling 10^-6 radians away at about 27. Read off
     * float32 coordinates, the Minkowski square of the difference cancels to noise for the first;
     * the polar score keeps both, so the parent ranks first, for every curvature.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {1.0, 0.25, 4.0})
    void lorentzKeepsParentsAndSiblingsApartAtTheDepthOfAHierarchy(double c) {
        ScoringSpace space = ScoringSpaces.create(IndexConfig.of(VectorMetric.LORENTZ, 3).withCurvature(c));
        double depth = 28 / Math.sqrt(c);
        float[] child = polar(depth, 0, c);
        int parent = space.add(polar(depth - 1.4, 0, c));
        int sibling = space.add(polar(depth, 1e-6, c));
        int cousin = space.add(polar(depth - 1.4, 3e-7, c));
        NodeScorer scorer = space.scorer(child);
        double[] expected = {1.4, exactDistance(depth, depth, 1e-6, c), exactDistance(depth, depth - 1.4, 3e-7, c)};
        int[] ordinals = {parent, sibling, cousin};
        for (int i = 0; i < 3; i++) {
            assertThat((double) space.distance(scorer.score(ordinals[i]))).as("ordinal %d", ordinals[i])
                    .isCloseTo(expected[i], within(expected[i] * 1e-4));
        }
        assertThat(scorer.score(parent)).isLessThan(scorer.score(cousin)).isLessThan(scorer.score(sibling));
    }

    /** The float32 point of curvature −c at distance {@code rho} from the origin, angle {@code theta} from the x1 axis. */
    private static float[] polar(double rho, double theta, double c) {
        double r = Math.sqrt(c) * rho;
        double s = Math.sinh(r) / Math.sqrt(c);
        return new float[]{(float) (Math.cosh(r) / Math.sqrt(c)), (float) (s * Math.cos(theta)), (float) (s * Math.sin(theta))};
    }

    /** The distance of two points at radii a and b and angle theta: law of cosines of hyperbolic geometry, in double. */
    private static double exactDistance(double a, double b, double theta, double c) {
        double ra = Math.sqrt(c) * a;
        double rb = Math.sqrt(c) * b;
        double t = 2 * Math.sinh((ra - rb) / 2);
        double chord = 2 * Math.sin(theta / 2);
        double coshMinusOne = (t * t + Math.sinh(ra) * Math.sinh(rb) * chord * chord) / 2;
        return Math.log1p(coshMinusOne + Math.sqrt(coshMinusOne * (coshMinusOne + 2))) / Math.sqrt(c);
    }

    @Test
    void pointsOutsideTheModelAreRejectedForEveryCurvature() {
        ScoringSpace ball = ScoringSpaces.create(new IndexConfig(VectorMetric.POINCARE, 2, 16, 100, 50,
                io.hyperspatial.core.index.Quantization.NONE, 4.0));
        assertThatThrownBy(() -> ball.add(new float[]{0.5f, 0f})).isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("norm below 0.5");
        assertThat(ball.size()).isZero();
        ScoringSpace hyperboloid = ScoringSpaces.create(IndexConfig.of(VectorMetric.LORENTZ, 3));
        assertThatThrownBy(() -> hyperboloid.add(new float[]{1f, 1f, 1f})).isInstanceOf(SchemaViolationException.class);
        assertThatThrownBy(() -> ScoringSpaces.create(IndexConfig.of(VectorMetric.COSINE, 2)).add(new float[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAddsKeepEveryVectorAtItsOrdinal() throws Exception {
        ScoringSpace space = ScoringSpaces.create(IndexConfig.of(VectorMetric.L2, 5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<int[]>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<int[]> added = new ArrayList<>();
                for (int i = 0; i < 3000; i++) {
                    float tag = thread * 10_000 + i;
                    added.add(new int[]{space.add(new float[]{tag, tag, tag, tag, tag}), (int) tag});
                }
                return added;
            }));
        }
        int total = 0;
        for (Future<List<int[]>> f : futures) {
            for (int[] added : f.get()) {
                assertThat(space.vector(added[0])[4]).isEqualTo((float) added[1]);
                total++;
            }
        }
        pool.shutdown();
        assertThat(space.size()).isEqualTo(total).isEqualTo(12_000);
        assertThat(space.bytesPerVector()).isEqualTo(20);
    }
}
