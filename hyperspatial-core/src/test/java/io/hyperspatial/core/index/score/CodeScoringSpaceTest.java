package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calibration, writes, concurrency and memory of the int8 and binary spaces. */
class CodeScoringSpaceTest {

    private static CodeScoringSpace<?> space(VectorMetric metric, int dimension, Quantization quantization, int calibration) {
        IndexConfig config = IndexConfig.of(metric, dimension).withQuantization(quantization);
        ScoringSpace exact = ScoringSpaces.create(config);
        return quantization == Quantization.INT8
                ? new Int8ScoringSpace(exact, config, calibration)
                : new BinaryScoringSpace(exact, config, calibration);
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void scoresExactlyUntilCalibratedThenEstimatesAndKeepsOrdinals(Quantization quantization) {
        QuantizedTestData data = new QuantizedTestData(VectorMetric.POINCARE, 16, 1, 3);
        CodeScoringSpace<?> space = space(VectorMetric.POINCARE, 16, quantization, 100);
        for (int i = 0; i < 99; i++) {
            assertThat(space.add(data.next())).isEqualTo(i);
        }
        float[] query = data.next();
        NodeScorer before = space.scorer(query);
        NodeScorer exact = space.exact().scorer(query);
        assertThat(space.calibrated()).isFalse();
        for (int i = 0; i < 99; i++) {
            assertThat(before.score(i)).isEqualTo(exact.score(i));
        }

        assertThat(space.add(data.next())).isEqualTo(99);
        assertThat(space.calibrated()).isTrue();
        assertThat(space.size()).isEqualTo(100).isEqualTo(space.exact().size());
        NodeScorer after = space.scorer(query);
        int differing = 0;
        for (int i = 0; i < 100; i++) {
            if (after.score(i) != exact.score(i)) {
                differing++;
            }
        }
        assertThat(differing).as("codes, not floats, are scored once calibrated").isGreaterThan(50);
        // a scorer made before calibration stays exact
        assertThat(before.score(99)).isEqualTo(exact.score(99));
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void anInvalidVectorIsRefusedByTheExactSpaceAndNothingIsStored(Quantization quantization) {
        CodeScoringSpace<?> space = space(VectorMetric.POINCARE, 4, quantization, 2);
        space.add(new float[] {0.1f, 0.2f, 0f, 0f});
        space.add(new float[] {-0.3f, 0f, 0.1f, 0f});
        assertThat(space.calibrated()).isTrue();

        assertThatThrownBy(() -> space.add(new float[] {1f, 0f, 0f, 0f})).isInstanceOf(SchemaViolationException.class);
        assertThatThrownBy(() -> space.add(new float[] {0.1f, 0.1f})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> space.scorer(new float[] {0.1f})).isInstanceOf(IllegalArgumentException.class);
        assertThat(space.size()).isEqualTo(2).isEqualTo(space.exact().size());
        assertThat(space.add(new float[] {0f, 0f, 0.5f, 0f})).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void setReplacesTheCodesOfAnOrdinal(Quantization quantization) {
        QuantizedTestData data = new QuantizedTestData(VectorMetric.L2, 32, 1, 5);
        CodeScoringSpace<?> space = space(VectorMetric.L2, 32, quantization, 50);
        float[][] points = data.points(200);
        for (float[] p : points) {
            space.add(p);
        }
        float[] replacement = points[150];
        space.set(7, replacement);

        assertThat(space.vector(7)).containsExactly(replacement);
        NodeScorer scorer = space.scorer(replacement);
        assertThat(scorer.score(7)).isEqualTo(scorer.score(150));
        assertThat(space.scorer(7).score(150)).isEqualTo(space.scorer(150).score(150));
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void wrapsAnExactSpaceThatAlreadyHoldsVectors(Quantization quantization) {
        IndexConfig config = IndexConfig.of(VectorMetric.DOT, 24).withQuantization(quantization);
        float[][] points = new QuantizedTestData(VectorMetric.DOT, 24, 1, 9).points(300);
        ScoringSpace filled = ScoringSpaces.create(config);
        for (float[] p : points) {
            filled.add(p);
        }
        CodeScoringSpace<?> adopted = quantization == Quantization.INT8
                ? new Int8ScoringSpace(filled, config, 200) : new BinaryScoringSpace(filled, config, 200);
        CodeScoringSpace<?> built = space(VectorMetric.DOT, 24, quantization, 200);
        for (float[] p : points) {
            built.add(p);
        }

        assertThat(adopted.calibrated()).isTrue();
        assertThat(adopted.size()).isEqualTo(300);
        NodeScorer a = adopted.scorer(points[0]);
        NodeScorer b = built.scorer(points[0]);
        for (int i = 0; i < 300; i++) {
            assertThat(a.score(i)).isEqualTo(b.score(i));
        }
    }

    /**
     * Two writers add while two readers score ordinals below the size they observe, across the
     * calibration; afterwards every score equals that of a space built sequentially in ordinal
     * order (the calibration sample is the first ordinals whatever the interleaving).
     */
    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void concurrentAddsAndScoringAgreeWithASequentialBuild(Quantization quantization) throws Exception {
        for (VectorMetric metric : List.of(VectorMetric.L2, VectorMetric.POINCARE, VectorMetric.LORENTZ)) {
            QuantizedTestData data = new QuantizedTestData(metric, 16, 1, 11);
            float[][] points = data.points(1500);
            CodeScoringSpace<?> space = space(metric, 16, quantization, 200);
            // which point each ordinal got: the sequential build adds the points as given, since a
            // Lorentz space gives back its points projected onto the hyperboloid, not bit for bit
            int[] pointAt = new int[points.length];
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                AtomicBoolean writing = new AtomicBoolean(true);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int first = w;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = first; i < points.length; i += 2) {
                            pointAt[space.add(points[i])] = i;
                        }
                        return null;
                    }));
                }
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    long seed = r;
                    readers.add(pool.submit(() -> {
                        SplittableRandom random = new SplittableRandom(seed);
                        int scored = 0;
                        start.await();
                        while (writing.get() || scored < 1000) {
                            int n = space.size();
                            if (n == 0) {
                                continue;
                            }
                            NodeScorer byQuery = space.scorer(points[random.nextInt(points.length)]);
                            NodeScorer byNode = space.scorer(random.nextInt(n));
                            for (int k = 0; k < 20; k++) {
                                int ordinal = random.nextInt(n);
                                assertThat(byQuery.score(ordinal)).isFinite();
                                assertThat(byNode.score(ordinal)).isFinite();
                                scored++;
                            }
                        }
                        return scored;
                    }));
                }
                start.countDown();
                for (Future<?> w : writers) {
                    w.get(60, TimeUnit.SECONDS);
                }
                writing.set(false);
                for (Future<Integer> r : readers) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(space.size()).isEqualTo(points.length);
            CodeScoringSpace<?> sequential = space(metric, 16, quantization, 200);
            for (int i = 0; i < points.length; i++) {
                sequential.add(points[pointAt[i]]);
            }
            for (int q = 0; q < 5; q++) {
                NodeScorer a = space.scorer(points[q * 100]);
                NodeScorer b = sequential.scorer(points[q * 100]);
                for (int i = 0; i < points.length; i++) {
                    assertThat(a.score(i)).as("%s ordinal %d", metric, i).isEqualTo(b.score(i));
                }
            }
        }
    }

    @Test
    void memoryPerVectorCountsCodesTheirTwoFloatsAndTheExactSpace() {
        CodeScoringSpace<?> l2 = space(VectorMetric.L2, 128, Quantization.INT8, 10);
        assertThat(l2.codeBytesPerVector()).isEqualTo(128 + 8);
        assertThat(l2.bytesPerVector()).isEqualTo(128 + 8 + 128 * 4);

        CodeScoringSpace<?> poincare = space(VectorMetric.POINCARE, 16, Quantization.INT8, 10);
        assertThat(poincare.bytesPerVector()).isEqualTo(16 + 8 + 17 * 4);

        CodeScoringSpace<?> lorentz = space(VectorMetric.LORENTZ, 17, Quantization.INT8, 10);
        assertThat(lorentz.codeBytesPerVector()).isEqualTo(16 + 8);

        CodeScoringSpace<?> binary = space(VectorMetric.COSINE, 384, Quantization.BINARY, 10);
        assertThat(binary.codeBytesPerVector()).isEqualTo(384 / 8 + 8);
        assertThat(binary.bytesPerVector()).isEqualTo(384 / 8 + 8 + 385 * 4);

        CodeScoringSpace<?> oddBinary = space(VectorMetric.L2, 100, Quantization.BINARY, 10);
        assertThat(oddBinary.codeBytesPerVector()).as("100 bits take two words").isEqualTo(16 + 8);
    }

    @Test
    void wrapGivesTheExactSpaceForNoneAndTheQuantizedSpaceOtherwise() {
        IndexConfig config = IndexConfig.of(VectorMetric.COSINE, 8);
        ScoringSpace exact = ScoringSpaces.create(config);
        assertThat(QuantizedSpaces.wrap(exact, config)).isSameAs(exact);

        ScoringSpace int8 = QuantizedSpaces.wrap(exact, config.withQuantization(Quantization.INT8));
        assertThat(int8).isInstanceOf(Int8ScoringSpace.class);
        assertThat(((QuantizedScoringSpace) int8).exact()).isSameAs(exact);
        assertThat(((QuantizedScoringSpace) int8).rerankFactor()).isEqualTo(3);

        ScoringSpace binary = QuantizedSpaces.wrap(exact, config.withQuantization(Quantization.BINARY));
        assertThat(binary).isInstanceOf(BinaryScoringSpace.class);
        assertThat(((QuantizedScoringSpace) binary).rerankFactor()).isEqualTo(16);

        assertThatThrownBy(() -> QuantizedSpaces.wrap(exact, IndexConfig.of(VectorMetric.COSINE, 9)
                .withQuantization(Quantization.INT8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
    }
}
