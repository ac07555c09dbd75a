package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * CREATE TABLE and DROP TABLE over a collection are one commit each: a failure injected after the
 * statement staged its writes (catalog, rows deleted) and before its schema change commits leaves,
 * after a reopen, the table wholly there or wholly absent.
 */
class AtomicDdlTest extends SqlOverCollectionTest {
    private void injectFailure() {
        source.failDdlBeforeCommit(() -> {
            throw new IllegalStateException("injected failure between the DDL steps");
        });
    }

    @Test
    void aCreateTableThatFailsBeforeItsCommitLeavesNoTrace() {
        engine.execute("CREATE TABLE kept(id INTEGER PRIMARY KEY, v TEXT)");
        long revision = collection.schema().revision();
        injectFailure();
        assertThat(catchThrowableOfType(IllegalStateException.class,
                () -> engine.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT UNIQUE, emb VECTOR(3))")))
                .hasMessageContaining("injected");

        reopen();
        assertThat(collection.schema().revision()).isEqualTo(revision);
        assertThat(collection.schema().entityTypes()).doesNotContainKey("t");
        assertThat(collection.schema().propertyIndexes()).doesNotContainKeys("t_pk", "t_unique_code");
        assertThat(collection.schema().vectorFields()).doesNotContainKey("emb");
        assertThat(catchThrowableOfType(HqlException.class, () -> engine.execute("SELECT * FROM t")).code())
                .isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);

        engine.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t(v) VALUES('again')");
        assertThat(rows("SELECT id, v FROM t")).containsExactly(List.of(1L, "again"));
        assertThat(source.tableNames()).containsExactly("kept", "t");
    }

    @Test
    void aDropTableThatFailsBeforeItsCommitLeavesTheTableWhole() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT UNIQUE, v TEXT);
                CREATE INDEX t_v ON t(v);
                INSERT INTO t(code, v) VALUES('a', 'x'), ('b', 'y'), ('c', 'z');
                CREATE EDGE TYPE link;
                INSERT EDGE link FROM t(1) TO t(2);
                """);
        injectFailure();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> engine.execute("DROP TABLE t")))
                .hasMessageContaining("injected");

        reopen();
        assertThat(rows("SELECT id, code, v FROM t ORDER BY id")).containsExactly(
                List.of(1L, "a", "x"), List.of(2L, "b", "y"), List.of(3L, "c", "z"));
        assertThat(rows("SELECT b.id FROM MATCH (a:t)-[:link]->(b:t)")).containsExactly(List.of(2L));
        assertThat(rows("SELECT id FROM t WHERE v = 'y'")).containsExactly(List.of(2L));
        assertThat(catchThrowableOfType(HqlException.class, () -> engine.execute("INSERT INTO t(code) VALUES('a')")).code())
                .as("the unique index is still declared unique").isEqualTo(ErrorCode.HQL_CONSTRAINT);
    }

    @Test
    void aDropTableCommitsAsOneChange() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT UNIQUE);
                INSERT INTO t(code) VALUES('a'), ('b');
                """);
        long before = collection.changes().lastSequence();
        engine.execute("DROP TABLE t");
        assertThat(collection.changes().lastSequence()).as("rows, type, indexes and catalog in one commit").isEqualTo(before + 1);

        reopen();
        assertThat(collection.schema().entityTypes()).doesNotContainKey("t");
        assertThat(collection.schema().propertyIndexes()).isEmpty();
        assertThat((long) collection.read(v -> v.entities().count())).as("only the catalog entity is left").isEqualTo(1L);
        engine.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT UNIQUE); INSERT INTO t(code) VALUES('a')");
        assertThat(rows("SELECT id, code FROM t")).containsExactly(List.of(1L, "a"));
    }

    @Test
    void aUniqueIndexOverDuplicatesLeavesNoIndexAtAll() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT);
                INSERT INTO t(code) VALUES('a'), ('b'), (NULL), (NULL), ('a');
                """);
        long revision = collection.schema().revision();
        long sequence = collection.changes().lastSequence();

        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute("CREATE UNIQUE INDEX t_code ON t(code)"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(e.getMessage()).contains("UNIQUE constraint failed: t.code");
        assertThat(collection.schema().revision()).isEqualTo(revision);
        assertThat(collection.changes().lastSequence()).as("nothing was committed").isEqualTo(sequence);
        assertThat(collection.schema().propertyIndexes()).doesNotContainKey("t_code");
        engine.execute("DELETE FROM t WHERE id = 5");
        engine.execute("CREATE UNIQUE INDEX t_code ON t(code)");
        assertThat(catchThrowableOfType(HqlException.class, () -> engine.execute("INSERT INTO t(code) VALUES('b')")).code())
                .isEqualTo(ErrorCode.HQL_CONSTRAINT);
    }

    @Test
    void aUniqueIndexIsBuiltAndMarkedUniqueInOneCommit() {
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT);
                INSERT INTO t(code) VALUES('a'), ('b'), (NULL), (NULL);
                """);
        long sequence = collection.changes().lastSequence();
        injectFailure();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> engine.execute("CREATE UNIQUE INDEX t_code ON t(code)")))
                .hasMessageContaining("injected");
        reopen();
        assertThat(collection.schema().propertyIndexes()).as("a failure before the commit leaves no index").doesNotContainKey("t_code");

        engine.execute("CREATE UNIQUE INDEX t_code ON t(code)");
        assertThat(collection.changes().lastSequence()).as("index and catalog in one commit").isEqualTo(sequence + 1);
        reopen();
        assertThat(rows("SELECT id FROM t WHERE code = 'b'")).containsExactly(List.of(2L));
        assertThat(catchThrowableOfType(HqlException.class, () -> engine.execute("INSERT INTO t(code) VALUES('a')")).code())
                .as("unique after a reopen").isEqualTo(ErrorCode.HQL_CONSTRAINT);
    }
}
