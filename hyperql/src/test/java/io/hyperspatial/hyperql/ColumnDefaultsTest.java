package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column defaults that read the clock or draw randomly are kept as expressions and evaluated for
 * each inserted row, not once when the table is created (SQLite's answers are in
 * {@code slt/defaults.test}).
 */
class ColumnDefaultsTest {
    private final Engine engine = new Engine(new InMemoryDataSource());

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }

    @Test
    void clockAndRandomDefaultsAreExpressionsAndConstantOnesValues() {
        engine.execute("CREATE TABLE t(a TEXT DEFAULT CURRENT_TIMESTAMP, r DEFAULT (random()), k DEFAULT (abs(-3)), s DEFAULT 'x')");
        List<ColumnSchema> columns = engine.source().table("t").orElseThrow().schema().columns();
        assertThat(columns.get(0).defaultValue()).isEqualTo(new ColumnSchema.Expression("CURRENT_TIMESTAMP"));
        assertThat(columns.get(1).defaultValue()).isEqualTo(new ColumnSchema.Expression("random()"));
        assertThat(columns.get(2).defaultValue()).isEqualTo(3L);
        assertThat(columns.get(3).defaultValue()).isEqualTo("x");
    }

    @Test
    void eachRowDrawsItsOwnRandomDefaultAndAStatementReadsOneClock() {
        engine.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, at TEXT DEFAULT CURRENT_TIMESTAMP, r INTEGER DEFAULT (random()), x TEXT)");
        engine.execute("INSERT INTO t(id) VALUES(1), (2), (3), (4), (5), (6), (7), (8)");
        assertThat(rows("SELECT count(DISTINCT r), count(DISTINCT at) FROM t")).containsExactly(List.of(8L, 1L));
        engine.execute("INSERT INTO t(id, x) SELECT 9, CURRENT_TIMESTAMP");
        assertThat(rows("SELECT at = x, length(at) FROM t WHERE id = 9")).containsExactly(List.of(1L, 19L));
        engine.execute("INSERT OR REPLACE INTO t(id, r) VALUES(10, NULL)");
        assertThat(rows("SELECT r IS NULL FROM t WHERE id = 10")).containsExactly(List.of(1L));
    }
}
