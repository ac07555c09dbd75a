package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code last_insert_rowid()}, {@code changes()} and {@code total_changes()} as SQLite defines them
 * per connection, here per {@link Session}: set by the session's own statements only (a write
 * that fails while running sets {@code changes()} to 0 and leaves the others).
 */
class SessionTest {
    private Engine engine;
    private Session session;

    @BeforeEach
    void tables() {
        engine = new Engine(new InMemoryDataSource());
        engine.executeScript("""
                CREATE TABLE r(id INTEGER PRIMARY KEY, v TEXT UNIQUE);
                CREATE TABLE plain(v TEXT);
                """);
        session = engine.openSession();
    }

    @Test
    void beforeAnyInsertEverythingIsZero() {
        assertThat(value("SELECT last_insert_rowid(), changes(), total_changes()")).containsExactly(0L, 0L, 0L);
    }

    @Test
    void lastInsertRowidIsTheKeyOfTheLastRowInserted() {
        session.execute("INSERT INTO r(v) VALUES('a'), ('b')");
        assertThat(value("SELECT last_insert_rowid()")).containsExactly(2L);
        session.execute("INSERT INTO r VALUES(10, 'c')");
        assertThat(session.lastInsertRowid()).isEqualTo(10);
        session.execute("INSERT INTO r(v) SELECT 'd'");
        assertThat(value("SELECT last_insert_rowid(), changes()")).containsExactly(11L, 1L);
        assertThat(value("SELECT v FROM r WHERE id = last_insert_rowid()")).containsExactly("d");
    }

    @Test
    void failedOrIgnoredInsertsLeaveItAsItWas() {
        session.execute("INSERT INTO r(v) VALUES('a')");
        assertThat(session.lastInsertRowid()).isEqualTo(1);

        HqlException e = catchThrowableOfType(HqlException.class, () -> session.execute("INSERT INTO r(v) VALUES('b'), ('a')"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(value("SELECT last_insert_rowid(), changes()")).containsExactly(1L, 0L);
        session.execute("INSERT OR IGNORE INTO r(v) VALUES('a')");
        assertThat(value("SELECT last_insert_rowid(), changes()")).containsExactly(1L, 0L);
    }

    @Test
    void anInsertIntoATableWithoutAnIntegerPrimaryKeyReportsItsHiddenRowid() {
        session.execute("INSERT INTO plain VALUES('x'), ('y')");
        session.execute("INSERT INTO r(v) VALUES('a')");
        assertThat(session.lastInsertRowid()).isEqualTo(1);
        session.execute("INSERT INTO plain(rowid, v) VALUES(40, 'z')");
        assertThat(value("SELECT last_insert_rowid()")).containsExactly(40L);
        session.execute("INSERT INTO plain VALUES('w')");
        assertThat(value("SELECT last_insert_rowid(), rowid FROM plain WHERE v = 'w'")).containsExactly(41L, 41L);
    }

    @Test
    void rowsATriggerInsertsSetLastInsertRowidOnlyWhileItRuns() {
        session.execute("CREATE TABLE log(id INTEGER PRIMARY KEY, v TEXT)");
        session.execute("INSERT INTO log VALUES(100, 'start')");
        session.execute("CREATE TRIGGER r_log AFTER INSERT ON r BEGIN INSERT INTO log(v) VALUES(NEW.v); END");

        session.execute("INSERT INTO r(v) VALUES('a')");

        assertThat(value("SELECT last_insert_rowid()")).containsExactly(1L);
        assertThat(value("SELECT max(id) FROM log")).containsExactly(101L);
    }

    @Test
    void changesCountsTheLastInsertUpdateOrDeleteAndTotalChangesAllOfThem() {
        session.execute("INSERT INTO r(v) VALUES('a'), ('b'), ('c')");
        session.execute("UPDATE r SET v = v || '!' WHERE id >= 2");
        assertThat(session.changes()).isEqualTo(2);
        session.execute("SELECT * FROM r");
        session.execute("CREATE TABLE other(x)");
        assertThat(value("SELECT changes(), total_changes()")).as("queries and DDL leave them").containsExactly(2L, 5L);
        session.execute("DELETE FROM r");
        assertThat(value("SELECT changes(), total_changes()")).containsExactly(3L, 8L);
    }

    @Test
    void sessionsDoNotSeeEachOthersValuesAndTheEngineHasItsOwn() {
        Session other = engine.openSession();
        session.execute("INSERT INTO r(v) VALUES('a'), ('b')");
        other.execute("INSERT INTO r(v) VALUES('c')");

        assertThat(value("SELECT last_insert_rowid(), changes()")).containsExactly(2L, 2L);
        assertThat(rows(other.execute("SELECT last_insert_rowid(), changes()"))).containsExactly(List.of(3L, 1L));
        assertThat(rows(engine.execute("SELECT last_insert_rowid(), changes()"))).containsExactly(List.of(0L, 0L));
        engine.execute("INSERT INTO r(v) VALUES('d')");
        assertThat(engine.ownSession().lastInsertRowid()).isEqualTo(4);
    }

    @Test
    void theValueIsReadWhenTheStatementRunsNotWhenItWasPlanned() {
        PreparedStatement last = engine.prepare("SELECT last_insert_rowid()");
        assertThat(rows(last.execute(session, null))).containsExactly(List.of(0L));
        session.execute("INSERT INTO r(v) VALUES('a')");
        assertThat(rows(last.execute(session, null))).containsExactly(List.of(1L));
        assertThat(rows(engine.execute("EXPLAIN SELECT last_insert_rowid() + 1"))).containsExactly(
                List.of("Project [(last_insert_rowid() + 1)]"), List.of("  Values rows=1"));
    }

    @Test
    void theyTakeNoArguments() {
        HqlException e = catchThrowableOfType(HqlException.class, () -> session.execute("SELECT changes(1)"));
        assertThat(e.code()).isEqualTo(ErrorCode.HQL_WRONG_ARGUMENTS);
    }

    private List<Object> value(String sql) {
        return rows(session.execute(sql)).getFirst();
    }

    private static List<List<Object>> rows(StatementResult result) {
        return ((StatementResult.Rows) result).rows();
    }
}
