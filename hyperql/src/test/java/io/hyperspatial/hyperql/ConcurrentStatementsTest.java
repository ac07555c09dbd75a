package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.BlockingTable;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TablesOnly;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Statements of one engine on several threads: reads run at the same time (a read held inside its
 * scan does not hold up another), writes wait for the reads of a source that changes data in place
 * and still see their timeout while they wait, a serial source runs one statement at a time, and
 * reads beside a writer always see a consistent state.
 */
class ConcurrentStatementsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aReadHeldInsideItsScanDoesNotHoldUpAnotherRead() throws Exception {
        HeldSource source = new HeldSource(new InMemoryDataSource(), DataSource.Concurrency.SHARED_READS);
        Engine engine = engineOver(source);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<StatementResult> held = threads.submit(() -> engine.execute("SELECT count(*) FROM slow"));
            assertThat(source.slow().awaitEntered()).isTrue();

            Future<StatementResult> other = threads.submit(() -> engine.execute("SELECT sum(x) FROM fast"));

            assertThat(rows(other.get(WAIT.toSeconds(), TimeUnit.SECONDS))).containsExactly(List.of(6L));
            assertThat(held.isDone()).as("the first read is still held in its scan").isFalse();
            source.slow().release();
            assertThat(rows(held.get(WAIT.toSeconds(), TimeUnit.SECONDS))).containsExactly(List.of(2L));
        }
    }

    @Test
    void aWriteWaitsForTheRunningReadsOfAnInPlaceSourceAndItsTimeoutStillApplies() throws Exception {
        HeldSource source = new HeldSource(new InMemoryDataSource(), DataSource.Concurrency.SHARED_READS);
        Engine engine = engineOver(source);
        CompletableFuture<StatementResult> held = CompletableFuture.supplyAsync(() -> engine.execute("SELECT count(*) FROM slow"));
        assertThat(source.slow().awaitEntered()).isTrue();

        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute("INSERT INTO fast VALUES(4)",
                Map.of(), StatementControl.withTimeout(Duration.ofMillis(100))));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_TIMEOUT);
        source.slow().release();
        held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        engine.execute("INSERT INTO fast VALUES(4)");
        assertThat(rows(engine.execute("SELECT sum(x) FROM fast"))).containsExactly(List.of(10L));
    }

    @Test
    void aSerialSourceRunsOneStatementAtATime() throws Exception {
        HeldSource source = new HeldSource(new InMemoryDataSource(), DataSource.Concurrency.SERIAL);
        Engine engine = engineOver(source);
        CompletableFuture<StatementResult> held = CompletableFuture.supplyAsync(() -> engine.execute("SELECT count(*) FROM slow"));
        assertThat(source.slow().awaitEntered()).isTrue();

        HqlException e = catchThrowableOfType(HqlException.class, () -> engine.execute("SELECT sum(x) FROM fast",
                Map.of(), StatementControl.withTimeout(Duration.ofMillis(100))));

        assertThat(e.code()).as("the second read waited for the first").isEqualTo(ErrorCode.HQL_TIMEOUT);
        source.slow().release();
        assertThat(rows(held.get(WAIT.toSeconds(), TimeUnit.SECONDS))).containsExactly(List.of(2L));
    }

    /**
     * Four threads sum the balances while a fifth moves money between accounts, one UPDATE of two
     * rows per transfer: every sum a reader sees is the total it started with.
     */
    @Test
    void readsBesideAWriterSeeEveryTransferWholeOrNotAtAll() throws Exception {
        Engine engine = new Engine(new InMemoryDataSource());
        engine.execute("CREATE TABLE account(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
        for (int i = 0; i < 20; i++) {
            engine.execute("INSERT INTO account VALUES(?, 100)", i);
        }
        List<List<Object>> expected = List.of(List.of(2000L, 20L));
        try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
            Future<?> writer = threads.submit(() -> {
                Random random = new Random(20261121);
                for (int t = 0; t < 300; t++) {
                    int from = random.nextInt(20);
                    int to = (from + 1 + random.nextInt(19)) % 20;
                    engine.execute("UPDATE account SET balance = balance + CASE id WHEN ? THEN -? ELSE ? END WHERE id IN (?, ?)",
                            from, 7, 7, from, to);
                }
            });
            List<Future<List<List<List<Object>>>>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(threads.submit(() -> {
                    List<List<List<Object>>> seen = new ArrayList<>();
                    for (int q = 0; q < 150; q++) {
                        seen.add(rows(engine.execute("SELECT sum(balance), count(*) FROM account")));
                    }
                    return seen;
                }));
            }
            writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            for (Future<List<List<List<Object>>>> reader : readers) {
                assertThat(reader.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasSize(150).allSatisfy(r -> assertThat(r).isEqualTo(expected));
            }
        }
        assertThat(rows(engine.execute("SELECT sum(balance), count(*) FROM account"))).isEqualTo(expected);
        assertThat(engine.stats().executions()).isEqualTo(1 + 20 + 300 + 4 * 150 + 1);
    }

    private static Engine engineOver(HeldSource source) {
        Engine engine = new Engine(source);
        engine.executeScript("""
                CREATE TABLE slow(x INTEGER);
                INSERT INTO slow VALUES(1), (2);
                CREATE TABLE fast(x INTEGER);
                INSERT INTO fast VALUES(1), (2), (3);
                """);
        return engine;
    }

    private static List<List<Object>> rows(StatementResult result) {
        return ((StatementResult.Rows) result).rows();
    }

    /** An in-memory source whose table {@code slow} holds its scans until released, with a chosen concurrency. */
    private static final class HeldSource extends TablesOnly {
        private final DataSource inner;
        private final Concurrency concurrency;
        private BlockingTable slow;

        HeldSource(DataSource inner, Concurrency concurrency) {
            super(inner);
            this.inner = inner;
            this.concurrency = concurrency;
        }

        BlockingTable slow() {
            return slow;
        }

        @Override
        public synchronized Optional<Table> table(String name) {
            Optional<Table> table = inner.table(name);
            if (table.isPresent() && name.equalsIgnoreCase("slow")) {
                if (slow == null) {
                    slow = new BlockingTable(table.get());
                }
                return Optional.of(slow);
            }
            return table;
        }

        @Override
        public Concurrency concurrency() {
            return concurrency;
        }
    }
}
