package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code rowid} over a collection. Rows there are entities named by UUIDs, and manifold keeps no
 * integer per entity, so a table without an INTEGER PRIMARY KEY has no rowid: naming it (read or
 * written, under any of its three names) is {@code HQL_UNSUPPORTED}, and changes nothing. An INTEGER
 * PRIMARY KEY is the rowid, and a real column named rowid is that column, as in SQLite. (A collection
 * table also has its {@code key} column, so inserts here name their columns.)
 */
class RowidOverCollectionTest {
    @TempDir
    Path dir;

    private SqlCollection sql;

    @BeforeEach
    void open() {
        sql = new SqlCollection(dir);
        sql.engine.executeScript("""
                CREATE TABLE person(name TEXT, age INTEGER);
                INSERT INTO person(name, age) VALUES('ada', 36), ('bo', 17);
                """);
    }

    @AfterEach
    void close() {
        sql.close();
    }

    @Test
    void readingTheRowidOfATableWithoutIntegerKeyIsUnsupported() {
        for (String query : List.of("SELECT rowid FROM person", "SELECT name FROM person WHERE oid = 1",
                "SELECT p._rowid_ FROM person AS p", "SELECT name FROM person ORDER BY rowid")) {
            HqlException e = catchThrowableOfType(HqlException.class, () -> sql.engine.execute(query));
            assertThat(e.code()).as(query).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
            assertThat(e.getMessage()).as(query).contains("person has no rowid");
        }
        assertThat(sql.rows("SELECT name, age FROM person ORDER BY name")).containsExactly(List.of("ada", 36L), List.of("bo", 17L));
    }

    @Test
    void writingTheRowidIsUnsupportedAndChangesNothing() {
        for (String write : List.of("INSERT INTO person(rowid, name) VALUES(5, 'cy')", "UPDATE person SET oid = 3",
                "DELETE FROM person WHERE rowid = 1")) {
            HqlException e = catchThrowableOfType(HqlException.class, () -> sql.engine.execute(write));
            assertThat(e.code()).as(write).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        }
        assertThat(sql.rows("SELECT count(*) FROM person")).containsExactly(List.of(2L));
    }

    @Test
    void anInsertWithoutIntegerKeyLeavesLastInsertRowid() {
        sql.engine.executeScript("""
                CREATE TABLE k(id INTEGER PRIMARY KEY, v TEXT);
                INSERT INTO k(v) VALUES('a');
                INSERT INTO person(name, age) VALUES('cy', 50);
                """);
        assertThat(sql.rows("SELECT last_insert_rowid()")).containsExactly(List.of(1L));
    }

    @Test
    void anIntegerPrimaryKeyIsTheRowid() {
        sql.engine.executeScript("""
                CREATE TABLE k(id INTEGER PRIMARY KEY, v TEXT);
                INSERT INTO k(v) VALUES('a');
                INSERT INTO k(rowid, v) VALUES(7, 'b');
                UPDATE k SET _rowid_ = 9 WHERE v = 'b';
                """);
        assertThat(sql.rows("SELECT rowid, oid, id, v FROM k ORDER BY rowid"))
                .containsExactly(List.of(1L, 1L, 1L, "a"), List.of(9L, 9L, 9L, "b"));
        assertThat(sql.rows("SELECT v FROM k WHERE rowid = 9")).containsExactly(List.of("b"));
        assertThat(sql.rows("SELECT last_insert_rowid()")).containsExactly(List.of(7L));
    }

    @Test
    void aColumnNamedRowidIsThatColumn() {
        sql.engine.executeScript("""
                CREATE TABLE r(rowid TEXT, v INTEGER);
                INSERT INTO r(rowid, v) VALUES('first', 1);
                UPDATE r SET rowid = 'renamed' WHERE v = 1;
                """);
        assertThat(sql.rows("SELECT rowid, v FROM r")).containsExactly(List.of("renamed", 1L));
        assertThat(((StatementResult.Rows) sql.engine.execute("SELECT * FROM r")).columns()).contains("rowid", "v");
        HqlException e = catchThrowableOfType(HqlException.class, () -> sql.engine.execute("SELECT oid FROM r"));
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
    }
}
