package io.hyperspatial.core.index.eval;

import io.hyperspatial.core.index.BruteForceIndex;
import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.io.VectorFiles;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnEvaluationTest {
    @TempDir Path dir;

    @Test
    void bruteForceHasRecallOneAtEveryEfAndReportsEveryLine() throws Exception {
        AnnDataset data = gaussians(400, 30, 6, 1);
        IndexConfig config = IndexConfig.of(VectorMetric.L2, 6);
        int[][] truth = GroundTruth.compute(config, data.base(), data.queries(), 10, 2);
        List<String> lines = new ArrayList<>();
        AnnEvaluation.Result result = AnnEvaluation.run("brute_force", bruteForce(), data.withTruth(truth),
                new AnnEvaluation.Settings(config, 2, 10, new int[]{10, 20}, 0, 1), lines::add);

        assertThat(result.curve()).extracting(RecallCurve.Point::recall).containsExactly(1.0, 1.0);
        assertThat(result.atTarget()).hasValueSatisfying(a -> assertThat(a.bracketed()).isFalse());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("{\"subject\":\"brute_force\",\"build_s\":")
                .contains("\"memory_bytes\":", "\"metric\":\"l2\"", "\"n\":400", "\"dimension\":6", "\"threads\":2",
                        "\"truth\":\"file\"");
        assertThat(lines.get(1)).matches("\\{\"subject\":\"brute_force\",\"ef\":10,\"recall\":1,\"qps\":[0-9.]+,"
                + "\"p50_us\":[0-9.]+,\"p99_us\":[0-9.]+}");
        assertThat(lines.get(3)).contains("\"at_recall\":0.95", "\"reached\":true");
    }

    @Test
    void aSubjectThatMissesNeighboursIsScoredAgainstTheTruth() throws Exception {
        AnnDataset data = gaussians(300, 20, 4, 2);
        IndexConfig config = IndexConfig.of(VectorMetric.L2, 4);
        // Returns the true top-10 with its first half replaced by ids from the far end: recall 0.5.
        int[][] truth = GroundTruth.compute(config, data.base(), data.queries(), 10, 1);
        AnnSubject.Factory halfWrong = (c, base, threads) -> new AnnSubject() {
            int next;

            @Override
            public int[] search(float[] query, int k, int ef, RoaringBitmap filter) {
                int[] row = truth[next++ % truth.length].clone();
                int[] far = GroundTruth.compute(config, base, new float[][]{negate(query)}, 5, 1)[0];
                System.arraycopy(far, 0, row, 0, 5);
                return row;
            }

            @Override
            public long memoryBytes() {
                return 0;
            }
        };
        AnnEvaluation.Result result = AnnEvaluation.run("half", halfWrong, data.withTruth(truth),
                new AnnEvaluation.Settings(config, 1, 10, new int[]{16}, 0, 1), line -> { });
        assertThat(result.curve().getFirst().recall()).isEqualTo(0.5);
        assertThat(result.atTarget()).isEmpty();
    }

    @Test
    void filteredRunsRecomputeTheTruthOverTheAllowedIds() throws Exception {
        AnnDataset data = gaussians(500, 20, 5, 3);
        IndexConfig config = IndexConfig.of(VectorMetric.L2, 5);
        List<String> lines = new ArrayList<>();
        AnnEvaluation.Result result = AnnEvaluation.run("brute_force", bruteForce(), data,
                new AnnEvaluation.Settings(config, 2, 10, new int[]{10}, 0.1, 7), lines::add);
        assertThat(result.curve().getFirst().recall()).isEqualTo(1.0);
        assertThat(lines.getFirst()).contains("\"filter_selectivity\":0.1", "\"allowed\":50",
                "\"truth\":\"brute force over the allowed ids\"");

        RoaringBitmap allowed = AnnEvaluation.randomAllowList(500, 0.1, 7);
        assertThat(allowed.getCardinality()).isEqualTo(50);
        assertThat(allowed.last()).isLessThan(500);
        assertThat(AnnEvaluation.randomAllowList(500, 0.1, 7)).isEqualTo(allowed);
        assertThat(AnnEvaluation.randomAllowList(500, 0.1, 8)).isNotEqualTo(allowed);
    }

    @Test
    void recallCountsEachTruthRowsFirstKIds() {
        int[][] truth = {{1, 2, 3, 4}, {5, 6}, {}};
        int[][] found = {{3, 2, 4}, {6, 5}, {}};
        // Row 0: 2 of its first 3 (id 4 is its fourth); row 1 is shorter than k: 2 of 2; the empty row does not count.
        assertThat(AnnEvaluation.recall(found, truth, 3)).isEqualTo((2.0 / 3 + 1.0) / 2);
    }

    @Test
    void groundTruthIsTheSameOnOneThreadOrSeveral() {
        AnnDataset data = gaussians(1000, 50, 8, 4);
        IndexConfig config = IndexConfig.of(VectorMetric.COSINE, 8);
        int[][] one = GroundTruth.compute(config, data.base(), data.queries(), 10, 1);
        int[][] two = GroundTruth.compute(config, data.base(), data.queries(), 10, 2);
        assertThat(two).isDeepEqualTo(one);
        assertThat(one[0]).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void mismatchedFilesAreNamedInTheError() throws Exception {
        Path base = dir.resolve("base.fvecs");
        Path queries = dir.resolve("queries.fvecs");
        Path truth = dir.resolve("truth.ivecs");
        VectorFiles.writeFvecs(base, new float[][]{{1, 2}, {3, 4}});
        VectorFiles.writeFvecs(queries, new float[][]{{1, 2, 3}});
        assertThatThrownBy(() -> AnnDataset.read(VectorMetric.L2, base, queries, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queries.fvecs holds vectors of dimension 3 but")
                .hasMessageContaining("base.fvecs holds dimension 2");

        VectorFiles.writeFvecs(queries, new float[][]{{1, 2}});
        VectorFiles.writeIvecs(truth, new int[][]{{0, 2}});
        assertThatThrownBy(() -> AnnDataset.read(VectorMetric.L2, base, queries, truth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truth.ivecs: ground truth row 0 holds id 2, outside the base's 0..1");
        VectorFiles.writeIvecs(truth, new int[][]{{0}, {1}});
        assertThatThrownBy(() -> AnnDataset.read(VectorMetric.L2, base, queries, truth))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rows but");

        VectorFiles.writeIvecs(truth, new int[][]{{0, 1}});
        AnnDataset data = AnnDataset.read(VectorMetric.L2, base, queries, truth);
        assertThatThrownBy(() -> AnnEvaluation.run("x", bruteForce(), data,
                new AnnEvaluation.Settings(IndexConfig.of(VectorMetric.L2, 2), 1, 10, new int[]{10}, 0, 1), l -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 2 ids, fewer than k = 10");
    }

    @Test
    void settingsRejectNonsense() {
        IndexConfig config = IndexConfig.of(VectorMetric.L2, 2);
        assertThatThrownBy(() -> new AnnEvaluation.Settings(config, 1, 10, new int[0], 0, 1))
                .hasMessageContaining("at least one ef");
        assertThatThrownBy(() -> new AnnEvaluation.Settings(config, 1, 10, new int[]{10}, 1.5, 1))
                .hasMessageContaining("filter selectivity");
        assertThatThrownBy(() -> new AnnEvaluation.Settings(config, 0, 10, new int[]{10}, 0, 1))
                .hasMessageContaining("threads");
    }

    private static AnnSubject.Factory bruteForce() {
        return AnnSubject.of((config, ids, vectors, threads) -> BruteForceIndex.build(config, ids, vectors));
    }

    private static float[] negate(float[] v) {
        float[] n = v.clone();
        for (int i = 0; i < n.length; i++) {
            n[i] = -n[i] * 100;
        }
        return n;
    }

    private static AnnDataset gaussians(int n, int q, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] base = new float[n][dim];
        float[][] queries = new float[q][dim];
        for (float[][] set : Arrays.asList(base, queries)) {
            for (float[] v : set) {
                for (int i = 0; i < dim; i++) {
                    v[i] = (float) random.nextGaussian();
                }
            }
        }
        return new AnnDataset(VectorMetric.L2, base, queries, null);
    }
}
