package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Queries of one engine over a collection run at the same time, each on its own snapshot: a
 * runaway query does not hold up a short one, and queries beside a writer see every transfer of
 * money whole or not at all, also when one statement reads the table several times.
 */
class ConcurrentQueriesTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private Database db;
    private Engine engine;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        engine = new Engine(new CollectionDataSource(db.getOrCreateCollection("c"), null, Durability.BATCH));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRunawayQueryDoesNotHoldUpAShortOne() throws Exception {
        engine.executeScript("""
                CREATE TABLE d(x INTEGER);
                INSERT INTO d(x) VALUES(0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
                CREATE TABLE t(x INTEGER);
                INSERT INTO t(x) SELECT a.x * 100 + b.x * 10 + c.x FROM d a, d b, d c;
                """);
        StatementControl control = StatementControl.cancellable();
        long before = engine.stats().executions();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<StatementResult> runaway = threads.submit(
                    () -> engine.execute("SELECT count(*) FROM t a, t b, t c, t e", Map.of(), control));
            awaitExecutions(before + 1);

            Future<StatementResult> shortOne = threads.submit(() -> engine.execute("SELECT count(*), sum(x) FROM d"));

            assertThat(rows(shortOne.get(WAIT_SECONDS, TimeUnit.SECONDS))).containsExactly(List.of(10L, 45L));
            assertThat(runaway.isDone()).as("the runaway query (10^12 rows) is still running").isFalse();
            control.cancel();
            Throwable stopped = catchThrowableOfType(ExecutionException.class, () -> runaway.get(WAIT_SECONDS, TimeUnit.SECONDS)).getCause();
            assertThat(((HqlException) stopped).code()).isEqualTo(ErrorCode.HQL_CANCELLED);
        }
    }

    /**
     * Three threads read the balances (a sum, and a statement that sums the table twice) while a
     * fourth moves money between accounts, one UPDATE of two rows per transfer, and opens and
     * closes accounts of balance 0.
     */
    @Test
    void queriesBesideAWriterSeeEveryTransferWholeOrNotAtAll() throws Exception {
        engine.execute("CREATE TABLE account(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
        engine.execute("INSERT INTO account(balance) SELECT 100 FROM (VALUES(1),(2),(3),(4),(5),(6),(7),(8),(9),(10)) a,"
                + " (VALUES(1),(2)) b");
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            Future<?> writer = threads.submit(() -> {
                Random random = new Random(20261121);
                for (int t = 0; t < 120; t++) {
                    int from = 1 + random.nextInt(20);
                    int to = 1 + (from + random.nextInt(19)) % 20;
                    engine.execute("UPDATE account SET balance = balance + CASE id WHEN ? THEN -? ELSE ? END WHERE id IN (?, ?)",
                            from, 3, 3, from, to);
                    if (t % 10 == 0) {
                        engine.execute("INSERT INTO account(id, balance) VALUES(?, 0)", 1000 + t);
                    } else if (t % 10 == 5) {
                        engine.execute("DELETE FROM account WHERE id = ?", 1000 + t - 5);
                    }
                }
            });
            List<Future<List<Object>>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                String sql = r == 0 ? "SELECT sum(balance) FROM account"
                        : "SELECT a.s + b.s FROM (SELECT sum(balance) s FROM account) a, (SELECT sum(balance) / 2 s FROM account) b";
                long expected = r == 0 ? 2000 : 3000;
                readers.add(threads.submit(() -> {
                    List<Object> wrong = new ArrayList<>();
                    for (int q = 0; q < 60; q++) {
                        Object sum = rows(engine.execute(sql)).getFirst().getFirst();
                        if (!Long.valueOf(expected).equals(sum)) {
                            wrong.add(sum);
                        }
                    }
                    return wrong;
                }));
            }
            writer.get(WAIT_SECONDS, TimeUnit.SECONDS);
            for (Future<List<Object>> reader : readers) {
                assertThat(reader.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("sums other than the total").isEmpty();
            }
        }
        assertThat(rows(engine.execute("SELECT sum(balance), count(*) FROM account"))).containsExactly(List.of(2000L, 20L));
    }

    private void awaitExecutions(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (engine.stats().executions() < n) {
            assertThat(System.nanoTime()).as("the statement started").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static List<List<Object>> rows(StatementResult result) {
        return ((StatementResult.Rows) result).rows();
    }
}
