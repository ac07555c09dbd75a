package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.parse.Identifiers;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ALTER TABLE ... RENAME and DROP COLUMN on the in-memory source where HyperQL departs from SQLite
 * or where slt files cannot look: messages, refusals that change nothing, CHECK constraints
 * rewritten, cached plans (SQLite's own answers are in {@code slt/alter_table.test}).
 */
class AlterTableTest {
    private final Engine engine = new Engine(new InMemoryDataSource());

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }

    private HqlException failure(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
    }

    @Test
    void aRenameThatWouldBreakAViewOrATriggerIsRefusedAndChangesNothing() {
        engine.executeScript("""
                CREATE TABLE t(a INTEGER, b TEXT);
                CREATE TABLE log(what TEXT);
                INSERT INTO t VALUES(1, 'x');
                CREATE VIEW v AS SELECT a FROM t;
                CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES(NEW.b); END;
                """);

        HqlException column = failure("ALTER TABLE t RENAME COLUMN a TO z");
        assertThat(column.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(column).hasMessageContaining("view v refers to it").hasMessageContaining("no such column: a");
        assertThat(failure("ALTER TABLE t RENAME b TO c")).hasMessageContaining("trigger t_log refers to it");
        assertThat(failure("ALTER TABLE t RENAME TO u")).hasMessageContaining("view v refers to it");
        assertThat(rows("SELECT a, b FROM t")).containsExactly(List.of(1L, "x"));

        engine.execute("DROP VIEW v");
        engine.execute("ALTER TABLE t RENAME TO u");
        engine.execute("ALTER TABLE u RENAME a TO z");
        engine.execute("INSERT INTO u VALUES(2, 'fired')");
        assertThat(rows("SELECT what FROM log")).containsExactly(List.of("fired"));
        assertThat(rows("SELECT z FROM u ORDER BY z")).containsExactly(List.of(1L), List.of(2L));
    }

    @Test
    void dropColumnRefusalsReadAsSqlitesAndChangeNothing() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, c INTEGER, CHECK (b > 0));
                CREATE TRIGGER t_upd AFTER UPDATE ON t BEGIN SELECT NEW.c; END;
                CREATE VIEW v AS SELECT a FROM t;
                INSERT INTO t VALUES(1, 2, 3, 4);
                """);

        assertThat(failure("ALTER TABLE t DROP COLUMN id")).hasMessage("cannot drop PRIMARY KEY column: \"id\"");
        assertThat(failure("ALTER TABLE t DROP COLUMN a")).hasMessage("error in view v after drop column: no such column: a");
        assertThat(failure("ALTER TABLE t DROP COLUMN b")).hasMessage("error in table t after drop column: no such column: b");
        assertThat(failure("ALTER TABLE t DROP COLUMN c")).hasMessage("error in trigger t_upd after drop column: no such column: NEW.c");
        assertThat(failure("ALTER TABLE v DROP COLUMN a")).hasMessage("cannot drop column from view \"v\"");
        assertThat(rows("SELECT * FROM t")).containsExactly(List.of(1L, 2L, 3L, 4L));
    }

    @Test
    void aUniqueKeyIsNamedInTheRefusalAsItWasDeclaredOnTheColumnOrOnTheTable() {
        engine.execute("CREATE TABLE u(p, q, r UNIQUE, s, UNIQUE (q), UNIQUE (r))");
        assertThat(failure("ALTER TABLE u DROP COLUMN q")).hasMessage("error in table u after drop column: no such column: q");
        assertThat(failure("ALTER TABLE u DROP COLUMN r")).hasMessage("cannot drop UNIQUE column: \"r\"");
        engine.execute("ALTER TABLE u RENAME COLUMN q TO q2");
        engine.execute("ALTER TABLE u RENAME TO u2");
        HqlException renamed = failure("ALTER TABLE u2 DROP COLUMN q2");
        assertThat(renamed.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(renamed).hasMessage("error in table u2 after drop column: no such column: q2");
    }

    @Test
    void theIndexesKeysImplyAreNamedAsSqlitesAndCannotBeDropped() {
        engine.execute("CREATE TABLE k(a PRIMARY KEY, b UNIQUE, c)");
        HqlException drop = failure("DROP INDEX sqlite_autoindex_k_2");
        assertThat(drop.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(drop).hasMessage("index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
        assertThat(failure("DROP INDEX IF EXISTS SQLITE_AUTOINDEX_K_1")).hasMessage(drop.getMessage());
        assertThat(failure("DROP INDEX sqlite_autoindex_k_3")).hasMessage("no such index: sqlite_autoindex_k_3");
        assertThat(failure("CREATE INDEX sqlite_autoindex_k_3 ON k(c)"))
                .hasMessage("object name reserved for internal use: sqlite_autoindex_k_3");

        engine.execute("ALTER TABLE k RENAME TO k2");
        assertThat(failure("DROP INDEX sqlite_autoindex_k2_1")).hasMessage(drop.getMessage());
        assertThat(failure("DROP INDEX sqlite_autoindex_k_1")).hasMessage("no such index: sqlite_autoindex_k_1");
        engine.execute("INSERT INTO k2 VALUES(1, 1, 1)");
        assertThat(failure("INSERT INTO k2 VALUES(2, 1, 2)").code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        engine.execute("CREATE TABLE k(x)");
        assertThat(failure("DROP INDEX sqlite_autoindex_k_1")).hasMessage("no such index: sqlite_autoindex_k_1");
    }

    @Test
    void aCachedPlanSeesTheAlteredTable() {
        engine.executeScript("CREATE TABLE t(a INTEGER, b INTEGER, c INTEGER); INSERT INTO t VALUES(1, 2, 3)");
        assertThat(rows("SELECT * FROM t")).containsExactly(List.of(1L, 2L, 3L));
        engine.execute("ALTER TABLE t DROP COLUMN b");
        assertThat(rows("SELECT * FROM t")).containsExactly(List.of(1L, 3L));
        assertThat(((StatementResult.Rows) engine.execute("SELECT * FROM t")).columns()).containsExactly("a", "c");
    }

    @Test
    void checkConstraintsAreNamedWhenFailedAndFollowARenamedColumn() {
        engine.executeScript("""
                CREATE TABLE t(n INTEGER CONSTRAINT positive CHECK (n > 0), m INTEGER, CHECK (m <> 7));
                ALTER TABLE t RENAME COLUMN m TO "other m";
                """);
        assertThat(failure("INSERT INTO t VALUES(0, 1)")).hasMessageContaining("CHECK constraint failed: positive");
        assertThat(failure("INSERT INTO t VALUES(2, 7)")).hasMessageContaining("CHECK constraint failed: \"other m\" <> 7");
        engine.execute("ALTER TABLE t DROP COLUMN n");
        engine.execute("INSERT INTO t VALUES(-5)");
        assertThat(failure("INSERT INTO t VALUES(7)").code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(rows("SELECT \"other m\" FROM t")).containsExactly(List.of(-5L));
    }

    @Test
    void renamingAColumnInAnExpressionLeavesFunctionsStringsAndOtherNamesAlone() {
        assertThat(Identifiers.renameColumn("abs(abs) + \"ABS\" - 'abs' + absent /* abs */", "abs", "x"))
                .isEqualTo("abs(x) + x - 'abs' + absent /* abs */");
        assertThat(Identifiers.renameColumn("[a] = a", "a", "two words")).isEqualTo("\"two words\" = \"two words\"");
        assertThat(Identifiers.quoted("plain_1")).isEqualTo("plain_1");
        assertThat(Identifiers.quoted("select")).isEqualTo("\"select\"");
    }
}
