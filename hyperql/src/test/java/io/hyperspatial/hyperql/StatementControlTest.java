package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Statements stopped from outside: by a timeout, by a cancel from another thread, in scans, joins
 * and graph traversals, and writes stopped before they change anything.
 */
class StatementControlTest {
    /** A count over t × t × t: 10⁹ rows, far more than any test waits for. */
    private static final String ENDLESS = "SELECT count(*) FROM t a, t b, t c";

    private Engine engine;

    @BeforeEach
    void thousandRows() {
        engine = new Engine(new InMemoryDataSource());
        engine.executeScript("""
                CREATE TABLE d(x INTEGER);
                INSERT INTO d VALUES(0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
                CREATE TABLE t(x INTEGER);
                INSERT INTO t SELECT a.x * 100 + b.x * 10 + c.x FROM d a, d b, d c;
                CREATE TABLE copy(x INTEGER);
                """);
        assertThat(count("SELECT count(*) FROM t")).isEqualTo(1000);
    }

    @Test
    void aStatementPastItsTimeoutFailsWithTimeout() {
        HqlException e = failure(() -> engine.execute(ENDLESS, Map.of(), StatementControl.withTimeout(Duration.ofMillis(50))));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_TIMEOUT);
        assertThat(e.getMessage()).contains("timeout of 50 ms");
        assertThat(count("SELECT count(*) FROM d")).as("the engine serves the next statement").isEqualTo(10);
    }

    @Test
    void aCancelFromAnotherThreadStopsARunningStatement() throws Exception {
        StatementControl control = StatementControl.cancellable();
        CompletableFuture<StatementResult> running = CompletableFuture.supplyAsync(() -> engine.execute(ENDLESS, Map.of(), control));
        Thread.sleep(50);

        control.cancel();

        Throwable thrown = catchThrowableOfType(ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS)).getCause();
        assertThat(thrown).isInstanceOf(HqlException.class);
        assertThat(((HqlException) thrown).code()).isEqualTo(ErrorCode.HQL_CANCELLED);
        assertThat(control.cancelled()).isTrue();
    }

    @Test
    void aStoppedInsertChangesNothing() {
        String insert = "INSERT INTO copy SELECT a.x FROM t a, t b, t c"; // every row of 10⁹ qualifies

        HqlException e = failure(() -> engine.prepare(insert).execute(StatementControl.withTimeout(Duration.ofMillis(50))));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_TIMEOUT);
        assertThat(count("SELECT count(*) FROM copy")).isZero();
    }

    @Test
    void anAlreadyCancelledControlRunsNothingNotEvenDdl() {
        StatementControl control = StatementControl.cancellable();
        control.cancel();

        HqlException e = failure(() -> engine.execute("CREATE TABLE never(x INTEGER)", Map.of(), control));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CANCELLED);
        assertThat(engine.source().tableNames()).doesNotContain("never");
    }

    @Test
    void aGraphTraversalIsStoppedToo() {
        engine.executeScript("""
                CREATE TABLE n(id INTEGER PRIMARY KEY);
                INSERT INTO n SELECT x FROM d;
                CREATE EDGE TYPE e;
                INSERT EDGE e FROM n TO n SELECT a.id, b.id, 1.0 FROM n a, n b WHERE a.id <> b.id;
                """);
        // Paths of up to 8 edges through a complete graph of 10 nodes: about 10 · 9⁸ = 4·10⁸ of them.
        String paths = "SELECT count(*) FROM MATCH (a:n)-[:e*1..8]->(b:n)";

        HqlException e = failure(() -> engine.execute(paths, Map.of(), StatementControl.withTimeout(Duration.ofMillis(50))));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_TIMEOUT);
    }

    @Test
    void aStatementWithinItsLimitsRunsAsUsual() {
        StatementControl control = StatementControl.withTimeout(Duration.ofMinutes(5));

        StatementResult result = engine.execute("SELECT count(*) FROM t a, d b", Map.of(), control);

        assertThat(((StatementResult.Rows) result).rows()).containsExactly(List.of(10_000L));
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> StatementControl.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementControl.withTimeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private long count(String sql) {
        return (Long) ((StatementResult.Rows) engine.execute(sql)).rows().getFirst().getFirst();
    }

    private static HqlException failure(Runnable statement) {
        return catchThrowableOfType(HqlException.class, statement::run);
    }
}
