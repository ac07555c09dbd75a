package io.hyperspatial.hyperql.slt;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SltRunnerTest {

    @Test
    void aWrongExpectationFailsAndIsReportedWithExpectedAndActual() {
        SltFileResult r = run("""
                query II nosort
                SELECT 1, 2
                ----
                1
                3
                """);

        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.failures().get(0).toString()).isEqualTo("line 1: SELECT 1, 2\n    expected: 1 | 3\n    actual:   1 | 2");
    }

    @Test
    void hashesSortsAndFormatsAsTheReferenceDriver() {
        List<String> values = List.of("1", "NULL", "x", "2", "0", "y");
        String md5 = ResultFormat.md5(values.stream().sorted().toList());
        SltFileResult r = run("""
                hash-threshold 2

                query ITR valuesort
                SELECT 1, NULL, 'x'
                UNION ALL SELECT 2, '', 'y'
                ----
                6 values hashing to %s

                query TIR rowsort
                SELECT 'b', 2.7, 1
                UNION ALL SELECT 'a', '12abc', NULL
                ----
                a 12 NULL
                b 2 1.000
                """.formatted(md5).replace("ITR valuesort", "IIT valuesort"));

        assertThat(r.failures()).isEmpty();
        assertThat(r.passed()).isEqualTo(2);
    }

    @Test
    void guardsSkipOnlyRecordsForOtherEnginesAndHaltStops() {
        SltFileResult r = run("""
                onlyif sqlite
                statement ok
                CREATE TABLE only_sqlite(a)

                skipif sqlite
                statement ok
                CREATE TABLE t(a)

                statement error
                CREATE TABLE t(a)

                onlyif mysql
                halt

                halt

                statement ok
                THIS IS NOT SQL
                """);

        assertThat(r.summary()).isEqualTo("test: 2 passed, 0 failed, 1 skipped");
    }

    @Test
    void statementsMustSucceedOrFailAsTold() {
        SltFileResult r = run("""
                statement ok
                SELECT * FROM nowhere

                statement error
                SELECT 1
                """);

        assertThat(r.failed()).isEqualTo(2);
        assertThat(r.failures().get(0).actual()).isEqualTo("error: no such table: nowhere at 1:15 [HQL_UNKNOWN_TABLE]");
        assertThat(r.failures().get(1).actual()).isEqualTo("success");
    }

    @Test
    void formatsValuesByColumnType() {
        assertThat(ResultFormat.format(2.0005, 'R')).isEqualTo("2.001");
        assertThat(ResultFormat.format(2.0625, 'R')).isEqualTo("2.062");
        assertThat(ResultFormat.format(-0.0001, 'R')).isEqualTo("-0.000");
        assertThat(ResultFormat.format(7L, 'R')).isEqualTo("7.000");
        assertThat(ResultFormat.format(-2.9, 'I')).isEqualTo("-2");
        assertThat(ResultFormat.format("tab\there", 'T')).isEqualTo("tab@here");
        assertThat(ResultFormat.format("é", 'T')).isEqualTo("@@");
        assertThat(ResultFormat.format(1.5, 'T')).isEqualTo("1.5");
    }

    private static SltFileResult run(String text) {
        return SltRunner.run(Arrays.asList(text.split("\n", -1)), "test");
    }
}
