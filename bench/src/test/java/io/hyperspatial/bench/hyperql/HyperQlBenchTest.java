package io.hyperspatial.bench.hyperql;

import io.hyperspatial.bench.storage.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HyperQlBenchTest {

    @Test
    void runsEveryQueryOnEverySystemAtATinyScaleAndCleansUp(@TempDir Path dir) throws Exception {
        HyperQlBench bench = new HyperQlBench();
        bench.rows = 500;
        bench.owners = 20;
        bench.dim = 4;
        bench.rounds = 2;
        bench.scale = 0.001;
        bench.maxSeconds = 5;
        bench.seed = 7;
        bench.dir = dir;
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<JsonObject> report = bench.run(new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(report).hasSize(1 + BenchQuery.values().length + 1);
        String run = report.getFirst().toString();
        assertThat(run).contains("\"rows\":500", "\"owners\":20", "\"knn_recall_at_10\":");
        for (int i = 0; i < BenchQuery.values().length; i++) {
            String line = report.get(1 + i).toString();
            assertThat(line).contains("\"query\":\"" + BenchQuery.values()[i].key() + "\"",
                    "\"hyperspatial\":{\"p50_us\":", "\"sqlite\":{\"p50_us\":", "\"h2\":{\"p50_us\":",
                    "\"ratio_p50_vs_sqlite\":");
            assertThat(line).doesNotContain("null");
        }
        assertThat(report.getLast().toString()).contains("point_p50_le_20us", "ahead_of_h2_on_every_query",
                "within_2x_sqlite_point_and_range");
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("answers agree", "| point lookup by key |");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void runsOnlyTheSelectedQueriesAndJudgesOnlyTheTargetsTheyCover(@TempDir Path dir) throws Exception {
        HyperQlBench bench = new HyperQlBench();
        new picocli.CommandLine(bench).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs("--rows", "300", "--owners", "10", "--dim", "4", "--rounds", "1", "--scale", "0.001",
                        "--seed", "5", "--dir", dir.toString(), "--queries", "join,point");
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        List<JsonObject> report = bench.run(new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(report).hasSize(1 + 2 + 1);
        assertThat(report.getFirst().toString()).contains("\"knn_recall_at_10\":null", "no vector index");
        assertThat(report.get(1).toString()).contains("\"query\":\"point\"");
        assertThat(report.get(2).toString()).contains("\"query\":\"join\"");
        assertThat(report.getLast().toString()).contains("point_p50_le_20us", "ahead_of_h2_on_every_query")
                .doesNotContain("within_2x_sqlite_point_and_range");
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("answers agree", "| point lookup by key |", "| 2-table join, 100 rows |")
                .doesNotContain("indexed range", "k-NN");
    }

    @Test
    void theDataSetIsTheSameOnEveryWalkAndItsValuesArePermuted() {
        BenchDataset data = new BenchDataset(1_000, 10, 3, 11);
        long[] first = new long[1_000];
        data.forEachItem(item -> first[(int) item.id() - 1] = item.val());
        long[] second = new long[1_000];
        data.forEachItem(item -> second[(int) item.id() - 1] = item.val());

        assertThat(second).isEqualTo(first);
        assertThat(java.util.Arrays.stream(first).sorted().toArray())
                .isEqualTo(java.util.stream.LongStream.range(0, 1_000).toArray());
    }

    @Test
    void peerDistanceIsTheSquaredEuclideanDistanceOfTheBlobs() {
        byte[] a = PeerFunctions.blob(new float[]{1, 2, 3});
        byte[] b = PeerFunctions.blob(new float[]{1, 0, -1});

        assertThat(PeerFunctions.l2sq(a, b)).isEqualTo(4 + 16);
        assertThat(PeerFunctions.l2sq(a, a)).isZero();
    }
}
