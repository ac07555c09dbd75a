package io.hyperspatial.bench.ann;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code paired} against a scripted stand-in for the native peer's serve mode. */
class PairedCommandTest {
    @TempDir Path dir;
    private Path data;

    @BeforeEach
    void generate() {
        assertThat(run("generate", "--out", dir.toString(), "--kind", "gaussian-l2", "--n", "600",
                "--queries", "30", "--dimension", "8")).isZero();
        data = dir.resolve("gaussian-l2-600");
    }

    @Test
    void alternatesPassesAndReportsTheMedianRatio() throws Exception {
        Path requests = dir.resolve("requests.txt");
        Path peer = servingPeer(requests);
        Path out = dir.resolve("paired.jsonl");
        assertThat(run("paired", "--data", data.toString(), "--peer", peer.toString(), "--m", "8",
                "--ef-construction", "64", "--ef", "32", "--peer-ef", "12", "--rounds", "3",
                "--pass-seconds", "0.01", "--out", out.toString())).isZero();

        List<Map<String, Object>> lines = Files.readAllLines(out).stream().map(FlatJson::parse).toList();
        assertThat(lines).hasSize(2 + 3 + 1);
        assertThat(lines.get(0)).containsEntry("subject", "hnsw").containsKey("build_s");
        assertThat(lines.get(1)).containsEntry("subject", "hnswlib_cpp").containsEntry("build_s", 0.5);
        assertThat(lines.subList(2, 5)).extracting(l -> l.get("first"))
                .containsExactly("hnsw", "hnswlib_cpp", "hnsw");
        for (Map<String, Object> round : lines.subList(2, 5)) {
            assertThat((double) round.get("ratio")).isCloseTo((double) round.get("ours_qps") / 1000, within(1e-3));
        }
        Map<String, Object> summary = lines.get(5);
        assertThat(summary).containsEntry("rounds", 3.0).containsEntry("ef", 32.0).containsEntry("peer_ef", 12.0)
                .containsEntry("peer_recall", 0.9).containsEntry("peer_qps_median", 1000.0);
        assertThat((double) summary.get("ours_recall")).isGreaterThan(0.9);
        assertThat((double) summary.get("ratio_median"))
                .isCloseTo((double) summary.get("ours_qps_median") / 1000, within(1e-3));
        // One request per round, at the peer's own ef.
        assertThat(Files.readAllLines(requests)).containsExactly("12 0.01", "12 0.01", "12 0.01");
    }

    @Test
    void aHeuristicOnlyBuildIsNamedSo() throws Exception {
        Path peer = servingPeer(dir.resolve("requests.txt"));
        Path out = dir.resolve("paired.jsonl");
        assertThat(run("paired", "--data", data.toString(), "--peer", peer.toString(), "--m", "8",
                "--ef-construction", "64", "--rounds", "1", "--pass-seconds", "0.01",
                "--keep-pruned-connections", "false", "--out", out.toString())).isZero();

        assertThat(FlatJson.parse(Files.readAllLines(out).getFirst())).containsEntry("subject", "hnsw_heuristic_only");
    }

    @Test
    void aPeerThatEndsEarlyFailsTheRun() throws Exception {
        Path peer = script("dies.sh", """
                echo '{"subject":"hnswlib_cpp","build_s":0.5}'
                echo 'cannot read the data' >&2
                exit 3
                """);
        assertThat(run("paired", "--data", data.toString(), "--peer", peer.toString(), "--m", "8",
                "--ef-construction", "64", "--rounds", "1", "--pass-seconds", "0.01")).isNotZero();
    }

    /** A stand-in peer that answers every "EF SECONDS" request, appending it to {@code requests}. */
    private Path servingPeer(Path requests) throws Exception {
        return script("peer.sh", """
                echo '{"subject":"hnswlib_cpp","build_s":0.5}'
                echo '{"subject":"hnswlib_cpp","ready":true}'
                while read ef secs; do
                  echo "$ef $secs" >> %s
                  echo "{\\"subject\\":\\"hnswlib_cpp\\",\\"ef\\":$ef,\\"recall\\":0.9,\\"qps\\":1000,\\"p50_us\\":5,\\"p99_us\\":9}"
                done
                """.formatted(requests));
    }

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /** Runs the benchmark's command line in-process, its stdout and stderr swallowed. */
    private static int run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new CommandLine(new AnnBench()).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
