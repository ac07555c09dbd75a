package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Aggregations over a large full scan run on several threads ({@link ParallelAggregation}) and must
 * give exactly the rows of one pass: the same queries are run with the parallel path on and off
 * over an in-memory table above the size threshold, whose group keys mix 3 and 3.0 (equal, so one
 * group reporting its last row's form) and whose columns hold NULLs, REALs and text.
 */
class ParallelAggregationTest {
    private static final int ROWS = (int) ParallelAggregation.MIN_ROWS + 10_000;

    private final Engine engine = new Engine(new InMemoryDataSource());

    @BeforeAll
    static void needsTwoProcessors() {
        assumeTrue(ScanWorkers.threads() > 1, "one processor: aggregations never run in parallel");
    }

    @AfterEach
    void parallelAgain() {
        ScanWorkers.enabled = true;
    }

    private void load() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, g, i INTEGER, r REAL, s TEXT, n INTEGER);
                INSERT INTO t WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d)
                SELECT x, CASE WHEN x %% 3 = 0 THEN (x %% 7) * 1.0 ELSE x %% 7 END,
                    (x * 7919) %% 100003 - 50000, x * 0.5, 'k' || (x %% 11), CASE WHEN x %% 13 = 0 THEN NULL ELSE x END
                FROM c;
                """.formatted(ROWS));
    }

    @Test
    void parallelAggregationsGiveOnePasssRows() {
        load();
        for (String sql : List.of(
                "SELECT g, count(*), count(n), sum(i), total(i), avg(i), min(s), max(i), min(n) FROM t GROUP BY g",
                "SELECT count(*), sum(i), min(g), max(g), avg(n) FROM t",
                "SELECT s, sum(i) FROM t WHERE i > 0 AND s <> 'k3' GROUP BY s",
                "SELECT i % 10, count(*) FROM t WHERE r < 20000 GROUP BY 1 HAVING count(*) > 10 ORDER BY 2 DESC, 1",
                "SELECT g, s, count(*), max(r) FROM t GROUP BY g, s",
                "SELECT count(*), sum(i) FROM t WHERE i > 1000000",
                "SELECT g, count(*) FROM t WHERE i > 1000000 GROUP BY g")) {
            assertParallelEqualsOnePass(sql, true);
        }
    }

    @Test
    void whatCannotMergeExactlyRunsInOnePass() {
        load();
        for (String sql : List.of(
                // a REAL in a sum: the slices give up as soon as they meet one
                "SELECT g, sum(r), avg(r), total(r) FROM t GROUP BY g",
                // no partial form
                "SELECT g, group_concat(s), count(DISTINCT s) FROM t GROUP BY g",
                "SELECT s, i FROM t GROUP BY s",
                // a subquery in a filter
                "SELECT g, count(*) FROM t WHERE i > (SELECT min(i) FROM t WHERE id < 10) GROUP BY g")) {
            assertParallelEqualsOnePass(sql, false);
        }
    }

    @Test
    void aSumOverflowingOnlyInScanOrderFailsAsOnePassDoes() {
        engine.executeScript("""
                CREATE TABLE o(id INTEGER PRIMARY KEY, v INTEGER);
                INSERT INTO o WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d)
                SELECT x, CASE x WHEN 1 THEN 9223372036854775800 WHEN %d THEN 10 ELSE 0 END FROM c;
                """.formatted(ROWS, ROWS));
        HqlExecutionException e = catchThrowableOfType(HqlExecutionException.class,
                () -> engine.execute("SELECT sum(v) FROM o"));
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(e.getMessage()).contains("integer overflow");
        assertThat(rows("SELECT total(v) FROM o")).containsExactly(List.of(9.223372036854775807E18));
    }

    @Test
    void aSliceOverflowingOnItsOwnFallsBackToOnePass() {
        engine.executeScript("""
                CREATE TABLE o(id INTEGER PRIMARY KEY, v INTEGER);
                INSERT INTO o WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d)
                SELECT x, CASE x WHEN 1 THEN -100 WHEN %d THEN 9223372036854775757 WHEN %d THEN 100 ELSE 0 END
                FROM c;
                """.formatted(ROWS, ROWS - 1, ROWS));
        assertThat(rows("SELECT sum(v) FROM o")).containsExactly(List.of(Long.MAX_VALUE - 50));
    }

    @Test
    void anErrorOnSomeRowIsOnePasssError() {
        engine.executeScript("""
                CREATE TABLE e(id INTEGER PRIMARY KEY, v INTEGER);
                INSERT INTO e WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d)
                SELECT x, CASE x WHEN 40000 THEN -9223372036854775807 - 1 ELSE x END FROM c;
                """.formatted(ROWS));
        String sql = "SELECT id % 3, sum(abs(v)) FROM e GROUP BY 1";
        HqlExecutionException parallel = catchThrowableOfType(HqlExecutionException.class, () -> engine.execute(sql));
        ScanWorkers.enabled = false;
        HqlExecutionException onePass = catchThrowableOfType(HqlExecutionException.class, () -> engine.execute(sql));
        assertThat(onePass).isNotNull();
        assertThat(parallel.code()).isEqualTo(onePass.code());
        assertThat(parallel.getMessage()).isEqualTo(onePass.getMessage());
    }

    @Test
    void aCancelledStatementStopsAndTheWorkersServeTheNextOne() {
        load();
        StatementControl control = StatementControl.cancellable();
        control.cancel();
        HqlExecutionException e = catchThrowableOfType(HqlExecutionException.class,
                () -> engine.execute("SELECT g, count(*) FROM t GROUP BY g", Map.of(), control));
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CANCELLED);
        assertParallelEqualsOnePass("SELECT g, count(*) FROM t GROUP BY g", true);
    }

    private void assertParallelEqualsOnePass(String sql, boolean runsInParallel) {
        ScanWorkers.enabled = true;
        long before = ParallelAggregation.FINISHED.sum();
        List<List<Object>> parallel = rows(sql);
        assertThat(ParallelAggregation.FINISHED.sum() - before).as("parallel runs of %s", sql)
                .isEqualTo(runsInParallel ? 1 : 0);
        ScanWorkers.enabled = false;
        assertThat(parallel).as(sql).containsExactlyElementsOf(rows(sql));
        ScanWorkers.enabled = true;
    }

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }
}
