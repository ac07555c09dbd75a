package io.hyperspatial.cli;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.eval.GroundTruth;
import io.hyperspatial.core.index.io.VectorFiles;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.hyperspatial.cli.MiniJson.object;
import static org.assertj.core.api.Assertions.assertThat;

class AnnBenchCommandTest {
    @TempDir Path dir;
    private Path base;
    private Path queries;
    private Path truth;

    @BeforeEach
    void data() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        float[][] b = ball(random, 600, 6);
        float[][] q = ball(random, 40, 6);
        base = dir.resolve("base.fvecs");
        queries = dir.resolve("queries.fvecs");
        truth = dir.resolve("truth.ivecs");
        VectorFiles.writeFvecs(base, b);
        VectorFiles.writeFvecs(queries, q);
        VectorFiles.writeIvecs(truth, GroundTruth.compute(IndexConfig.of(VectorMetric.POINCARE, 6), b, q, 10, 2));
    }

    @Test
    void printsTheBuildEveryEfAndTheSpeedAtRecall095() {
        Cli r = Cli.run("bench", "ann", "--index", "brute_force", "--metric", "poincare", "--base", base.toString(),
                "--queries", queries.toString(), "--truth", truth.toString(), "--m", "16", "--ef-construction", "100",
                "--threads", "2", "--ef", "10,20,40");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Map<String, Object>> lines = r.out().lines().map(l -> object(MiniJson.parse(l))).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.getFirst()).containsKeys("build_s", "memory_bytes")
                .containsEntry("subject", "brute_force").containsEntry("metric", "poincare").containsEntry("n", 600L)
                .containsEntry("queries", 40L).containsEntry("threads", 2L).containsEntry("m", 16L)
                .containsEntry("ef_construction", 100L).containsEntry("truth", "file");
        assertThat(lines.subList(1, 4)).extracting(l -> l.get("ef")).containsExactly(10L, 20L, 40L);
        for (Map<String, Object> l : lines.subList(1, 4)) {
            assertThat(l).containsEntry("recall", 1L).containsKeys("qps", "p50_us", "p99_us");
        }
        assertThat(lines.get(4)).containsEntry("at_recall", 0.95).containsEntry("reached", true);
        assertThat(r.err()).contains("600 base vectors and 40 queries of dimension 6");
    }

    @Test
    void filteredRunSaysTheTruthWasRecomputed() {
        Cli r = Cli.run("bench", "ann", "--index", "brute_force", "--metric", "poincare", "--base", base.toString(),
                "--queries", queries.toString(), "--truth", truth.toString(), "--ef", "16", "--filter-selectivity", "0.05");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> build = object(MiniJson.parse(r.out().lines().findFirst().orElseThrow()));
        assertThat(build).containsEntry("allowed", 30L).containsEntry("truth", "brute force over the allowed ids");
        assertThat(object(MiniJson.parse(r.out().lines().skip(1).findFirst().orElseThrow()))).containsEntry("recall", 1L);
    }

    @Test
    void hnswIsMeasuredByDefaultAndFindsAlmostAllNeighbours() {
        Cli r = Cli.run("bench", "ann", "--metric", "poincare", "--base", base.toString(), "--queries", queries.toString(),
                "--truth", truth.toString(), "--m", "8", "--ef-construction", "64", "--ef", "10,64");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Map<String, Object>> lines = r.out().lines().map(l -> object(MiniJson.parse(l))).toList();
        assertThat(lines.getFirst()).containsEntry("subject", "hnsw").containsEntry("m", 8L);
        assertThat(((Number) lines.get(2).get("recall")).doubleValue()).as(r.out()).isGreaterThan(0.95);
        assertThat(lines.get(3)).containsEntry("reached", true);
    }

    @Test
    void theHeuristicOnlyGraphIsAnotherSubject() {
        Cli r = Cli.run("bench", "ann", "--metric", "poincare", "--base", base.toString(), "--queries", queries.toString(),
                "--truth", truth.toString(), "--m", "8", "--ef-construction", "64", "--ef", "64",
                "--keep-pruned-connections", "false");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Map<String, Object>> lines = r.out().lines().map(l -> object(MiniJson.parse(l))).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).containsEntry("subject", "hnsw_heuristic_only"));
        assertThat(Cli.run("bench", "ann", "--metric", "poincare", "--base", base.toString(), "--queries",
                queries.toString(), "--keep-pruned-connections", "maybe").exitCode()).isEqualTo(2);
    }

    @Test
    void hnswHonoursTheFilter() {
        Cli r = Cli.run("bench", "ann", "--metric", "poincare", "--base", base.toString(), "--queries", queries.toString(),
                "--ef", "64", "--filter-selectivity", "0.1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> search = object(MiniJson.parse(r.out().lines().skip(1).findFirst().orElseThrow()));
        assertThat(((Number) search.get("recall")).doubleValue()).as(r.out()).isGreaterThan(0.95);
    }

    @Test
    void withoutATruthFileTheTruthIsComputed() {
        Cli r = Cli.run("bench", "ann", "--index", "brute_force", "--metric", "poincare", "--base", base.toString(),
                "--queries", queries.toString(), "--ef", "16");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"truth\":\"brute force\"").contains("\"recall\":1,");
    }

    @Test
    void unknownMetricIsAUsageError() {
        Cli r = Cli.run("bench", "ann", "--metric", "manhattan", "--base", base.toString(), "--queries", queries.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("unknown metric 'manhattan'; expected one of poincare, lorentz, cosine, l2, dot");
    }

    @Test
    void malformedAndMismatchedFilesAreNamed() throws Exception {
        Path missing = dir.resolve("missing.fvecs");
        Cli r = run("l2", missing, queries, null);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).endsWith("\nerror: no such file: " + missing + "\n");

        Path cut = dir.resolve("cut.fvecs");
        byte[] bytes = Files.readAllBytes(base);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
        r = run("l2", cut, queries, null);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + cut + ": vector 599 is truncated");

        Path wide = dir.resolve("wide.fvecs");
        VectorFiles.writeFvecs(wide, new float[][]{{1, 2, 3, 4, 5, 6, 7}});
        r = run("l2", base, wide, null);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("wide.fvecs holds vectors of dimension 7 but").contains("holds dimension 6");

        Path shortTruth = dir.resolve("short.ivecs");
        VectorFiles.writeIvecs(shortTruth, new int[][]{{1, 2}});
        r = run("l2", base, queries, shortTruth);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("short.ivecs holds 1 rows but");
    }

    @Test
    void vectorsThatDoNotFitTheMetricAreRejectedWithTheirId() throws Exception {
        Path outside = dir.resolve("outside.fvecs");
        float[][] b = VectorFiles.readFvecs(base);
        b[17] = new float[]{0.9f, 0.9f, 0, 0, 0, 0};
        VectorFiles.writeFvecs(outside, b);
        Cli r = run("poincare", outside, queries, null);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("id 17").contains("inside the unit ball").contains("[invalid_argument]");
    }

    @Test
    void decreasingEfIsAUsageError() {
        Cli r = Cli.run("bench", "ann", "--metric", "l2", "--base", base.toString(), "--queries", queries.toString(),
                "--ef", "32,16");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--ef values must increase, got 32 then 16");
    }

    private static Cli run(String metric, Path b, Path q, Path t) {
        return t == null
                ? Cli.run("bench", "ann", "--metric", metric, "--base", b.toString(), "--queries", q.toString(), "--ef", "10")
                : Cli.run("bench", "ann", "--metric", metric, "--base", b.toString(), "--queries", q.toString(),
                "--truth", t.toString(), "--ef", "10");
    }

    private static float[][] ball(SplittableRandom random, int n, int dim) {
        float[][] out = new float[n][dim];
        for (float[] v : out) {
            double sq = 0;
            for (int i = 0; i < dim; i++) {
                v[i] = (float) random.nextGaussian();
                sq += v[i] * v[i];
            }
            double scale = 0.95 * Math.sqrt(random.nextDouble()) / Math.sqrt(sq);
            for (int i = 0; i < dim; i++) {
                v[i] = (float) (v[i] * scale);
            }
        }
        return out;
    }
}
