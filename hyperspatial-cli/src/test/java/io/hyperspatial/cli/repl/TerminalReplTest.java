package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.query.LocalRunner;
import io.hyperspatial.cli.query.ResultFormat;
import io.hyperspatial.cli.query.StatementRunner;
import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The REPL through JLine's line reader on a dumb terminal fed with typed input: what a person at a terminal gets. */
class TerminalReplTest {
    @TempDir Path tmp;

    private String type(String keys, Path history) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (LocalRunner runner = new LocalRunner(Database.open(tmp.resolve("db"), DatabaseOptions.preset(StoragePreset.SMALL)),
                "shop", true);
             Terminal terminal = new DumbTerminal("test", "dumb",
                     new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            ReplSession session = new ReplSession(runner, terminal.writer(), terminal.writer(), ResultFormat.TABLE);
            new TerminalRepl(session, terminal, history).run();
            terminal.flush();
        }
        return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
    }

    @Test
    void aStatementGoesOnOverLinesUntilItsSemicolonAndEntriesGoToTheHistory() throws Exception {
        Path history = tmp.resolve("history");
        String screen = type("""
                CREATE TABLE t(x INTEGER);
                INSERT INTO t VALUES('a', 1),
                ('b', 2);
                SELECT key, x
                FROM t
                WHERE x > 1;
                SELECT nope FROM t;
                .quit
                SELECT 'after quit';
                """, history);
        assertThat(screen).contains("Connected to collection 'shop' in ")
                .contains("created table t").contains("2 rows changed")
                .contains("key  x\nb    2\n(1 row)")
                .contains("error: no such column: nope [HQL_UNKNOWN_COLUMN] at 1:8")
                .doesNotContain("after quit").doesNotContain("Exception");
        assertThat(Files.readString(history)).contains("CREATE TABLE t(x INTEGER);")
                .contains("SELECT key, x\\nFROM t\\nWHERE x > 1;").contains(".quit");
    }

    @Test
    void theEndOfInputLeaves() throws Exception {
        String screen = type("SELECT 6 * 7 AS n;\n", tmp.resolve("history"));
        assertThat(screen).contains("n\n42\n(1 row)");
    }

    @Test
    void ctrlCCancelsTheRunningStatementAndTheSessionGoesOn() throws Exception {
        String runaway = "SELECT count(*) FROM t a, t b, t c, t d"; // 10¹² combinations
        CountDownLatch started = new CountDownLatch(1);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String keys = """
                CREATE TABLE d(x INTEGER);
                CREATE TABLE t(x INTEGER);
                INSERT INTO d VALUES('0', 0), ('1', 1), ('2', 2), ('3', 3), ('4', 4), ('5', 5), ('6', 6), ('7', 7), ('8', 8), ('9', 9);
                INSERT INTO t SELECT 't' || CAST(a.x * 100 + b.x * 10 + c.x AS TEXT), a.x FROM d a, d b, d c;
                %s; SELECT 'never' || 'run';
                SELECT 'after' || ' cancel';
                """.formatted(runaway);
        try (LocalRunner local = new LocalRunner(Database.open(tmp.resolve("db"), DatabaseOptions.preset(StoragePreset.SMALL)),
                "shop", true);
             Terminal terminal = new DumbTerminal("test", "dumb",
                     new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            StatementRunner watched = new StatementRunner() {
                @Override
                public StatementResult run(String sql, Map<String, Object> parameters, StatementControl control) {
                    if (sql.startsWith(runaway)) {
                        started.countDown();
                    }
                    return local.run(sql, parameters, control);
                }

                @Override
                public CollectionSchema schema() {
                    return local.schema();
                }

                @Override
                public String target() {
                    return local.target();
                }

                @Override
                public void close() {
                }
            };
            ReplSession session = new ReplSession(watched, terminal.writer(), terminal.writer(), ResultFormat.TABLE);
            CompletableFuture<Boolean> repl = CompletableFuture.supplyAsync(() -> new TerminalRepl(session, terminal, tmp.resolve("history")).run());
            assertThat(started.await(60, TimeUnit.SECONDS)).as("the runaway statement started").isTrue();
            Thread.sleep(100);

            terminal.raise(Terminal.Signal.INT);

            assertThat(repl.get(60, TimeUnit.SECONDS)).as("a statement failed").isTrue();
            terminal.flush();
        }
        String text = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertThat(text).contains("error: the statement was cancelled [HQL_CANCELLED]")
                .contains("after cancel").doesNotContain("'skipped'\nskipped");
    }
}
