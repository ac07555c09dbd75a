package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SltCommandTest {
    @TempDir Path tmp;

    private static final String PASSING = """
            statement ok
            CREATE TABLE t(a INTEGER, b TEXT)

            statement ok
            INSERT INTO t VALUES(1, 'x'), (2, NULL)

            query IT rowsort
            SELECT a, b FROM t
            ----
            1
            x
            2
            NULL

            onlyif mysql
            query I nosort
            SELECT 1
            ----
            1

            statement error
            SELECT * FROM nowhere
            """;

    @Test
    void printsOneLinePerFileAndTheTotalsAndExitsZeroWhenAllPass() throws Exception {
        Path file = tmp.resolve("ok.test");
        Files.writeString(file, PASSING);

        Cli r = Cli.run("slt", file.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(file + ": 4 passed, 0 failed, 1 skipped\n4 passed, 0 failed, 1 skipped\n");
    }

    @Test
    void exitsOneAndShowsExpectedAgainstActualWhenARecordFails() throws Exception {
        Path ok = tmp.resolve("ok.test");
        Files.writeString(ok, PASSING);
        Path bad = tmp.resolve("bad.test");
        Files.writeString(bad, """
                query I nosort
                SELECT 7 / 2
                ----
                4
                """);

        Cli r = Cli.run("slt", ok.toString(), bad.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ": 0 passed, 1 failed, 0 skipped\n")
                .contains("line 1: SELECT 7 / 2").contains("expected: 4").contains("actual:   3")
                .endsWith("4 passed, 1 failed, 1 skipped\n");
    }

    @Test
    void aMissingFileIsAUsageProblem() {
        Cli r = Cli.run("slt", tmp.resolve("missing.test").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: no such file: ");
    }
}
