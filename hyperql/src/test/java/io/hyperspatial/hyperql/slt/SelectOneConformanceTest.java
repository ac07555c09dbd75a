package io.hyperspatial.hyperql.slt;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQLite's {@code select1.test} passes in full. The file is read from {@code <repo>/../shared/sqllogictest/},
 * never copied into the repository.
 */
class SelectOneConformanceTest {
    private static final int RECORDS = 1031;

    @Test
    void everyRecordOfSelect1Passes() throws IOException {
        Path file = SharedCorpus.file("select1.test");
        SltFileResult result = SltRunner.run(file, file.getFileName().toString());

        String firstFailures = result.failures().stream().limit(10).map(Object::toString)
                .collect(Collectors.joining("\n"));
        assertThat(result.failed()).as("%s\nfirst failing records:\n%s", result.summary(), firstFailures).isZero();
        assertThat(result.passed()).isEqualTo(RECORDS);
        assertThat(result.skipped()).isZero();
    }

    /** Where the shared corpus lives relative to this module. */
    static final class SharedCorpus {
        private SharedCorpus() {
        }

        static Path file(String name) {
            Path module = Path.of("").toAbsolutePath();
            Path repo = Files.exists(module.resolve("hyperql")) ? module : module.getParent();
            Path file = repo.resolveSibling("shared").resolve("sqllogictest").resolve(name);
            assertThat(file).as("the shared sqllogictest corpus beside the repository").exists();
            return file;
        }
    }
}
