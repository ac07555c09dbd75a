package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ALTER TABLE ... RENAME and DROP COLUMN, REINDEX and DROP INDEX over a collection: the rows stay
 * in their entity type and properties while the catalog maps the new names, all of it holds after
 * a reopen, and a change that fails before its commit leaves the table as it was.
 */
class AlterTableTest extends SqlOverCollectionTest {
    private HqlException failure(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
    }

    private Optional<Value> stored(String key, String property) {
        return collection.read(v -> v.properties().get(collection.ids().forKey(key), property));
    }

    @Test
    void aRenamedTableKeepsItsRowsKeysAndIndexesAcrossAReopen() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT UNIQUE, score INTEGER);
                CREATE INDEX t_score ON t(score);
                INSERT INTO t(id, code, score) VALUES(1, 'a', 10), (2, 'b', 20), (3, 'c', 20);
                ALTER TABLE t RENAME TO items;
                """);
        reopen();

        assertThat(failure("SELECT * FROM t").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(rows("SELECT id, code FROM items WHERE score = 20 ORDER BY id")).containsExactly(
                List.of(2L, "b"), List.of(3L, "c"));
        assertThat(String.join("\n", rows("EXPLAIN SELECT id FROM items WHERE score = 20").stream()
                .map(r -> (String) r.getFirst()).toList())).contains("score");
        assertThat(failure("INSERT INTO items(id, code) VALUES(4, 'a')").code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("INSERT INTO items(id, code) VALUES(1, 'z')").code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(source.tableNames()).containsExactly("items");
        assertThat(collection.schema().entityTypes()).containsKey("t");

        engine.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t(id, v) VALUES(1, 'new')");
        reopen();
        assertThat(rows("SELECT id, v FROM t")).containsExactly(List.of(1L, "new"));
        assertThat(rows("SELECT count(*) FROM items")).containsExactly(List.of(3L));
        assertThat(source.tableNames()).containsExactly("items", "t");
        assertThat(failure("ALTER TABLE items RENAME TO T").code()).isEqualTo(ErrorCode.HQL_DUPLICATE_OBJECT);
    }

    @Test
    void theIndexesKeysImplyCannotBeDroppedAndATableUniqueKeyIsReportedAsDeclaredAcrossAReopen() {
        engine.executeScript("""
                CREATE TABLE k(id INTEGER PRIMARY KEY, b TEXT UNIQUE, c TEXT, d TEXT, UNIQUE (c));
                CREATE INDEX k_d ON k(d);
                INSERT INTO k(id, b, c, d) VALUES(1, 'x', 'y', 'z');
                """);
        reopen();

        assertThat(source.indexes("k")).filteredOn(IndexDefinition::implied).extracting(IndexDefinition::name)
                .containsExactlyInAnyOrder("k_pk", "k_unique_b", "k_unique_c");
        HqlException drop = failure("DROP INDEX k_unique_c");
        assertThat(drop.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(drop).hasMessage("index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
        assertThat(failure("DROP INDEX IF EXISTS k_pk")).hasMessage(drop.getMessage());
        assertThat(failure("INSERT INTO k(id, b, c) VALUES(2, 'w', 'y')").code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("ALTER TABLE k DROP COLUMN c")).hasMessage("error in table k after drop column: no such column: c");
        assertThat(failure("ALTER TABLE k DROP COLUMN b")).hasMessage("cannot drop UNIQUE column: \"b\"");

        engine.execute("DROP INDEX k_d");
        engine.execute("ALTER TABLE k RENAME COLUMN c TO c2");
        reopen();
        assertThat(source.index("k_d")).isEmpty();
        assertThat(failure("ALTER TABLE k DROP COLUMN c2")).hasMessage("error in table k after drop column: no such column: c2");
    }

    @Test
    void aRenamedColumnKeepsItsValuesIndexAndCheckAcrossAReopen() {
        engine.executeScript("""
                CREATE TABLE m(id INTEGER PRIMARY KEY, lo INTEGER CONSTRAINT lo_positive CHECK (lo >= 0), hi INTEGER,
                               CHECK (hi > lo));
                CREATE INDEX m_lo ON m(lo);
                INSERT INTO m(id, lo, hi) VALUES(1, 0, 5), (2, 3, 4);
                ALTER TABLE m RENAME COLUMN lo TO low;
                """);
        reopen();

        assertThat(rows("SELECT id, low, hi FROM m WHERE low = 3")).containsExactly(List.of(2L, 3L, 4L));
        assertThat(failure("SELECT lo FROM m").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_COLUMN);
        assertThat(failure("INSERT INTO m(id, low, hi) VALUES(3, -1, 5)")).hasMessageContaining("CHECK constraint failed: lo_positive");
        assertThat(failure("INSERT INTO m(id, low, hi) VALUES(3, 6, 5)")).hasMessageContaining("CHECK constraint failed: hi > low");

        engine.execute("ALTER TABLE m ADD COLUMN lo TEXT");
        reopen();
        assertThat(rows("SELECT id, low, lo FROM m ORDER BY id")).containsExactly(Arrays.asList(1L, 0L, null),
                Arrays.asList(2L, 3L, null));
        engine.execute("UPDATE m SET lo = 'x' WHERE id = 2");
        assertThat(rows("SELECT low, lo FROM m WHERE id = 2")).containsExactly(List.of(3L, "x"));
    }

    @Test
    void aDroppedColumnLosesItsValuesInStorageAndMayBeAddedAgain() {
        engine.executeScript("""
                CREATE TABLE p(key TEXT, name TEXT, note TEXT, n INTEGER UNIQUE);
                CREATE INDEX p_name ON p(name);
                INSERT INTO p(key, name, note, n) VALUES('k1', 'a', 'first', 1), ('k2', 'b', 'second', 2);
                """);
        assertThat(stored("k1", "note")).contains(Value.of("first"));
        assertThat(failure("ALTER TABLE p DROP COLUMN name")).hasMessageContaining("error in index p_name after drop column");
        assertThat(failure("ALTER TABLE p DROP COLUMN n")).hasMessageContaining("cannot drop UNIQUE column");
        assertThat(failure("ALTER TABLE p DROP COLUMN key").code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        engine.execute("ALTER TABLE p DROP COLUMN note");
        reopen();

        assertThat(stored("k1", "note")).isEmpty();
        assertThat(rows("SELECT * FROM p ORDER BY key")).containsExactly(List.of("k1", "a", 1L), List.of("k2", "b", 2L));
        engine.execute("ALTER TABLE p ADD COLUMN note INTEGER DEFAULT 5");
        reopen();
        assertThat(rows("SELECT key, note FROM p ORDER BY key")).containsExactly(List.of("k1", 5L), List.of("k2", 5L));
    }

    @Test
    void aChangeThatFailsBeforeItsCommitLeavesTheTableAsItWas() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, w TEXT);
                INSERT INTO t(id, v, w) VALUES(1, 'x', 'y');
                """);
        source.failDdlBeforeCommit(() -> {
            throw new IllegalStateException("injected failure before the commit");
        });
        for (String alter : List.of("ALTER TABLE t RENAME TO u", "ALTER TABLE t RENAME v TO v2", "ALTER TABLE t DROP w")) {
            assertThat(catchThrowableOfType(IllegalStateException.class, () -> engine.execute(alter))).hasMessageContaining("injected");
        }
        reopen();

        assertThat(rows("SELECT id, v, w FROM t")).containsExactly(List.of(1L, "x", "y"));
        assertThat(source.tableNames()).containsExactly("t");
    }

    @Test
    void reindexChecksTheNameAndDropIndexIfExistsIsQuiet() {
        engine.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v)");
        for (String ok : List.of("REINDEX", "REINDEX t", "REINDEX t_v", "REINDEX nocase", "DROP INDEX IF EXISTS nosuch")) {
            assertThat(engine.execute(ok)).isInstanceOf(StatementResult.SchemaChange.class);
        }
        assertThat(failure("REINDEX nosuch").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(failure("DROP INDEX nosuch").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        engine.execute("DROP INDEX IF EXISTS t_v");
        assertThat(collection.schema().propertyIndexes()).doesNotContainKey("t_v");
        assertThat(failure("REINDEX t_v").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
    }
}
