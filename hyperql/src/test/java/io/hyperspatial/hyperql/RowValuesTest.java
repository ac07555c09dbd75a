package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Row values {@code (a, b)}: what the planner makes of them and how misuse is reported.
 * Their answers, NULLs included, are checked against SQLite in {@code slt/row_values.test}.
 */
class RowValuesTest {
    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine(new InMemoryDataSource());
        engine.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
        engine.execute("CREATE INDEX t_a ON t(a)");
        engine.execute("INSERT INTO t(a, b) VALUES (1, 'x'), (1, 'y'), (2, 'x')");
    }

    private String plan(String sql) {
        return ((StatementResult.Rows) engine.execute("EXPLAIN " + sql)).rows().toString();
    }

    @Test
    void anEqualityOfRowsIsPlannedAsTheEqualitiesOfTheirElements() {
        assertThat(plan("SELECT id FROM t WHERE (a, b) = (1, 'y')"))
                .isEqualTo(plan("SELECT id FROM t WHERE a = 1 AND b = 'y'"))
                .contains("KeyLookup t on a = 1");
        assertThat(((StatementResult.Rows) engine.execute("SELECT id FROM t WHERE (a, b) = (1, 'y')")).rows())
                .isEqualTo(List.of(List.of(2L)));
    }

    @Test
    void anInSubqueryKeepsTheRowWhole() {
        assertThat(plan("SELECT id FROM t WHERE (a, b) IN (SELECT a, 'x' FROM t)")).contains("((a, b) IN subquery)");
    }

    @Test
    void misuseIsReportedWhereTheRowValueStands() {
        HqlException alone = catchThrowableOfType(HqlException.class, () -> engine.execute("SELECT a, (a, b) FROM t"));
        assertThat(alone.code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(alone.getMessage()).startsWith("row value misused");
        assertThat(alone.position().column()).isEqualTo(11);

        HqlException widths = catchThrowableOfType(HqlException.class, () -> engine.execute("SELECT (1, 2) < (1, 2, 3)"));
        assertThat(widths.code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);

        HqlException columns = catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT id FROM t WHERE (a, b) IN (SELECT a FROM t)"));
        assertThat(columns.code()).isEqualTo(ErrorCode.HQL_COLUMN_COUNT);
        assertThat(columns.getMessage()).startsWith("sub-select returns 1 columns - expected 2");

        HqlException subquery = catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT (1, 2) = (SELECT a, b, id FROM t)"));
        assertThat(subquery.code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(subquery.getMessage()).startsWith("row value misused");
    }

    @Test
    void aSubquerysRowIsComparedWholeWithItsSubqueryPlannedOnce() {
        String plan = plan("SELECT id FROM t WHERE (a, b) < (SELECT a, b FROM t WHERE id = 2)");
        assertThat(plan).contains("((a, b) < (subquery row))");
        assertThat(plan.split("Subquery", -1)).hasSize(2);
        assertThat(rows("SELECT id FROM t WHERE (a, b) < (SELECT a, b FROM t WHERE id = 2)")).isEqualTo(List.of(List.of(1L)));
        assertThat(rows("SELECT id FROM t AS o WHERE (b, a) = (SELECT b, a FROM t WHERE id = o.id) ORDER BY id"))
                .isEqualTo(List.of(List.of(1L), List.of(2L), List.of(3L)));
        assertThat(rows("SELECT (SELECT a, b FROM t WHERE id = 3) >= (SELECT a, b FROM t ORDER BY a DESC, b)"))
                .isEqualTo(List.of(List.of(1L)));
    }

    @Test
    void aSubqueryWithoutRowsIsARowOfNulls() {
        assertThat(rows("SELECT (1, 'x') = (SELECT a, b FROM t WHERE id > 9), (1, 'x') IS (SELECT a, b FROM t WHERE id > 9),"
                + " (NULL, NULL) IS (SELECT a, b FROM t WHERE id > 9)"))
                .isEqualTo(List.of(Arrays.asList(null, 0L, 1L)));
    }

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }

    @Test
    void aRowAssignmentSetsEachColumn() {
        engine.execute("UPDATE t SET (a, b) = (b, a) WHERE id = 3");
        assertThat(((StatementResult.Rows) engine.execute("SELECT a, b FROM t WHERE id = 3")).rows())
                .isEqualTo(List.of(List.of("x", "2")));
        HqlException count = catchThrowableOfType(HqlException.class, () -> engine.execute("UPDATE t SET (a, b) = (1, 2, 3)"));
        assertThat(count.code()).isEqualTo(ErrorCode.HQL_COLUMN_COUNT);
        assertThat(count.getMessage()).startsWith("2 columns assigned 3 values");
    }
}
