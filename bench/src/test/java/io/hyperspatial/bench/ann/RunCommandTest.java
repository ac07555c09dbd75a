package io.hyperspatial.bench.ann;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    @TempDir Path dir;

    @Test
    void generatesThenMeasuresEveryJvmSubjectOnTheSameData() throws Exception {
        assertThat(run("generate", "--out", dir.toString(), "--kind", "gaussian-l2,poincare", "--n", "600",
                "--queries", "30", "--dimension", "8")).isZero();
        Path l2 = dir.resolve("gaussian-l2-600");
        assertThat(Files.readString(l2.resolve("metric")).trim()).isEqualTo("l2");
        assertThat(DatasetDirectory.read(l2).truth()).hasNumberOfRows(30);

        Path out = dir.resolve("lines.jsonl");
        assertThat(run("run", "--data", l2.toString(), "--subjects", "brute_force,lucene,jvector", "--ef", "10,64",
                "--m", "8", "--ef-construction", "64", "--out", out.toString(), "--work", dir.toString())).isZero();
        List<Map<String, Object>> lines = Files.readAllLines(out).stream().map(FlatJson::parse).toList();
        // brute force at one ef; lucene and jvector at two: build + efs + summary each.
        assertThat(lines).hasSize(3 + 4 + 4);
        assertThat(lines).filteredOn(l -> l.containsKey("build_s")).extracting(l -> l.get("subject"))
                .containsExactly("brute_force", "lucene", "jvector");
        for (Map<String, Object> l : lines) {
            if (l.containsKey("ef") && l.containsKey("recall") && (double) l.get("ef") == 64) {
                assertThat((double) l.get("recall")).as(l.toString()).isGreaterThan(0.9);
            }
        }
        assertThat(lines.get(1)).containsEntry("subject", "brute_force").containsEntry("recall", 1.0);
        // Lucene's temporary index directory is gone once its subject is closed.
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("lucene-ann-"));
        }

        Path hyperbolic = dir.resolve("poincare.jsonl");
        assertThat(run("run", "--data", dir.resolve("poincare-600").toString(), "--subjects", "lucene,jvector",
                "--out", hyperbolic.toString())).isZero();
        assertThat(Files.readAllLines(hyperbolic)).containsExactly(
                "{\"subject\":\"lucene\",\"supported\":false,\"reason\":\"lucene has no hyperbolic metric (poincare, lorentz)\"}",
                "{\"subject\":\"jvector\",\"supported\":false,\"reason\":\"jvector has no hyperbolic metric (poincare, lorentz)\"}");

        Path report = dir.resolve("report.json");
        assertThat(run("report", "--in", out + "," + hyperbolic, "--dataset", "toy", "--out", report.toString())).isZero();
        assertThat(Files.readString(report)).startsWith("{\"dataset\":\"toy\"");
    }

    /** Runs the benchmark's command line in-process, its stdout swallowed. */
    private static int run(String... args) {
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new CommandLine(new AnnBench()).execute(args);
        } finally {
            System.setOut(stdout);
        }
    }
}
