package io.hyperspatial.bench.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StorageBenchTest {
    @TempDir Path dir;

    @Test
    void writesOneReportLinePerMeasurementAndDeletesItsData() throws IOException {
        Path out = dir.resolve("report.jsonl");
        int exit = new CommandLine(new StorageBench()).execute("--dir", dir.toString(), "--out", out.toString(),
                "--preset", "small", "--ops", "40", "--warmup", "10", "--writers", "4", "--concurrent-ops", "40",
                "--import-count", "2500", "--import-batch", "100", "--read-ops", "200", "--rounds", "2");

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"measurement\":\"run\"");
        assertThat(lines.get(1)).startsWith("{\"measurement\":\"strict_commit_latency\"")
                .contains("\"ours\":{\"count\":40,").contains("\"raw_rocksdb\":{\"count\":40,");
        assertThat(lines.get(2)).startsWith("{\"measurement\":\"concurrent_strict_commits\"")
                .contains("\"writers\":4");
        assertThat(lines.get(3)).startsWith("{\"measurement\":\"batch_import\"").contains("\"entities\":2500");
        assertThat(lines.get(4)).startsWith("{\"measurement\":\"point_read\"")
                .contains("\"ours_reused_view\":{\"count\":200,");
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).contains("\"targets\":[{\"target\":"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void rejectsConcurrentOpsBelowOnePerWriterAndRound() {
        int exit = new CommandLine(new StorageBench()).execute("--dir", dir.toString(), "--writers", "8",
                "--concurrent-ops", "8", "--rounds", "4");

        assertThat(exit).isNotZero();
    }
}
