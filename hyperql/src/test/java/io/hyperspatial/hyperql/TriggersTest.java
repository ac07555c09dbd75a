package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Row triggers through the engine: errors with their position, the plan cache seeing a new
 * trigger, EXPLAIN, and a failing trigger undoing the whole statement, indexes included (the
 * behaviour against SQLite is in {@code slt/triggers.test}).
 */
class TriggersTest {
    private final Engine engine = new Engine(new InMemoryDataSource());

    private List<List<Object>> rows(String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows();
    }

    private HqlException failure(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
    }

    @Test
    void ddlErrorsNameTheTriggerAndWhereItStarts() {
        engine.executeScript("""
                CREATE TABLE t(a INTEGER, b TEXT);
                CREATE VIEW v AS SELECT a FROM t;
                CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN SELECT NEW.a; END;
                """);

        HqlException duplicate = failure("\n  CREATE TRIGGER t_ins BEFORE DELETE ON t BEGIN SELECT 1; END");
        assertThat(duplicate.code()).isEqualTo(ErrorCode.HQL_DUPLICATE_OBJECT);
        assertThat(duplicate.position()).isEqualTo(new SourcePosition(2, 3));

        HqlException unknown = failure("CREATE TRIGGER x AFTER INSERT ON missing BEGIN SELECT 1; END");
        assertThat(unknown.code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(unknown.getMessage()).contains("no such table: missing");
        assertThat(unknown.position()).isEqualTo(new SourcePosition(1, 1));

        HqlException insteadOf = failure("CREATE TRIGGER x INSTEAD OF INSERT ON v BEGIN SELECT 1; END");
        assertThat(insteadOf.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(insteadOf.position()).isEqualTo(new SourcePosition(1, 18));

        HqlException badColumn = failure("CREATE TRIGGER x AFTER INSERT ON t BEGIN INSERT INTO t VALUES(OLD.c, 'x'); END");
        assertThat(badColumn.code()).isEqualTo(ErrorCode.HQL_UNKNOWN_COLUMN);
        assertThat(badColumn.getMessage()).contains("no such column: OLD.c at 1:63");

        HqlException parameter = failure("CREATE TRIGGER x AFTER INSERT ON t BEGIN INSERT INTO t VALUES(?, 'x'); END");
        assertThat(parameter.code()).isEqualTo(ErrorCode.HQL_PARAMETER);
    }

    @Test
    void aPreparedWriteFiresATriggerCreatedAfterItWasPlanned() {
        engine.executeScript("CREATE TABLE t(a INTEGER); CREATE TABLE seen(a INTEGER);");
        PreparedStatement insert = engine.prepare("INSERT INTO t VALUES(?)");
        insert.execute(1);
        engine.execute("CREATE TRIGGER t_seen AFTER INSERT ON t BEGIN INSERT INTO seen VALUES(NEW.a * 2); END");
        insert.execute(2);
        engine.execute("DROP TRIGGER t_seen");
        insert.execute(3);

        assertThat(rows("SELECT a FROM seen")).containsExactly(List.of(4L));
        assertThat(rows("SELECT count(*) FROM t")).containsExactly(List.of(3L));
    }

    @Test
    void explainShowsTheTriggersAWriteFires() {
        engine.executeScript("""
                CREATE TABLE t(a INTEGER);
                CREATE TRIGGER t_before BEFORE DELETE ON t BEGIN SELECT 1; SELECT 2; END;
                """);
        assertThat(rows("EXPLAIN DELETE FROM t WHERE a = 1")).contains(List.of("Fires trigger t_before (BEFORE, 2 statements)"));
        assertThat(rows("EXPLAIN INSERT INTO t VALUES(1)").toString()).doesNotContain("Fires trigger");
    }

    @Test
    void aFailingTriggerLeavesEveryTableAndIndexAsBefore() {
        Random random = new Random(20261121);
        engine.executeScript("""
                CREATE TABLE item(id INTEGER PRIMARY KEY, k INTEGER UNIQUE, v INTEGER);
                CREATE INDEX item_v ON item(v);
                CREATE TABLE copy(k INTEGER UNIQUE);
                CREATE TRIGGER item_copied AFTER UPDATE ON item BEGIN INSERT INTO copy VALUES(NEW.k); END;
                """);
        for (int i = 0; i < 40; i++) {
            engine.execute("INSERT INTO item(k, v) VALUES(?, ?)", i, random.nextInt(10));
        }
        engine.execute("INSERT INTO copy VALUES(1030)");
        List<List<Object>> before = rows("SELECT id, k, v FROM item ORDER BY id");

        // rows k = 0..29 are copied as k + 1000 until k = 30 collides with the copy already there
        HqlException e = failure("UPDATE item SET k = k + 1000, v = v + 100 WHERE k <= 35");
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);

        assertThat(rows("SELECT id, k, v FROM item ORDER BY id")).isEqualTo(before);
        assertThat(rows("SELECT k FROM copy")).containsExactly(List.of(1030L));
        for (List<Object> row : before) {
            assertThat(rows("SELECT id FROM item WHERE k = ?", row.get(1))).containsExactly(List.of(row.get(0)));
            assertThat(rows("SELECT count(*) FROM item WHERE v = ? AND id = ?", row.get(2), row.get(0))).containsExactly(List.of(1L));
        }
        assertThat(rows("SELECT count(*) FROM item WHERE v >= 100")).containsExactly(List.of(0L));
    }
}
