package io.hyperspatial.cli;

import io.hyperspatial.cli.query.RemoteRunner;
import io.hyperspatial.cli.query.StatementFailure;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.server.HyperspatialServer;
import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.auth.ApiKeys;
import io.hyperspatial.server.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code query}, {@code schema} and {@code repl} with {@code --url}, against a real server on a loopback port. */
class RemoteCommandsTest {
    @TempDir static Path tmp;
    private static HyperspatialServer server;
    private static String url;

    @BeforeAll
    static void startServer() {
        server = HyperspatialServer.start(HyperspatialDatabase.open(tmp.resolve("served"),
                DatabaseOptions.preset(StoragePreset.SMALL)), ServerConfig.loopback(0));
        url = "http://127.0.0.1:" + server.port();
        server.database().storage().createCollection("shop");
        Cli setup = Cli.withInput("""
                CREATE TABLE item(name TEXT NOT NULL, price REAL, emb VECTOR(2, l2) WITH (ef_search = 32));
                INSERT INTO item VALUES('a', 'apple', 1.5, '[0, 1]'), ('b', 'bread', 3, '[1, 0]'), ('c', 'cheese', 9.25, NULL);
                CREATE INDEX item_price ON item(price);
                """, "repl", "--url", url, "-c", "shop");
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        assertThat(setup.out()).isEqualTo("created table item\n3 rows changed\ncreated index item_price\n");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Cli query(String... args) {
        String[] all = new String[args.length + 5];
        System.arraycopy(new String[]{"query", "--url", url, "-c", "shop"}, 0, all, 0, 5);
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(all);
    }

    @Test
    void queryOverHttpPrintsWhatTheLocalModePrints() {
        Cli table = query("SELECT key, name, price, emb FROM item WHERE price < $max ORDER BY price", "--param", "max=5");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).isEqualTo("""
                key  name   price  emb
                a    apple  1.5    [0.0,1.0]
                b    bread  3.0    [1.0,0.0]
                (2 rows)
                """);
        Cli csv = query("--format", "csv", "SELECT key, emb <-> '[1, 0.2]' AS d, NULL AS n FROM item ORDER BY emb <-> '[1, 0.2]' LIMIT 1");
        assertThat(csv.out()).isEqualTo("key,d,n\nb,0.200000002980232,\n");
        Cli json = query("--format", "json", "SELECT key, emb FROM item WHERE key = 'a'");
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo("{\"columns\":[\"key\",\"emb\"],\"rows\":[[\"a\",[0,1]]]}");
        Cli count = query("UPDATE item SET price = price WHERE price > 2");
        assertThat(count.out()).isEqualTo("2 rows changed\n");
    }

    @Test
    void errorsAreTheSameOneLineAsLocally() {
        Cli unknown = query("SELECT nme FROM item");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: no such column: nme [HQL_UNKNOWN_COLUMN] at 1:8\n");
        Cli missing = Cli.run("query", "--url", url, "-c", "nope", "SELECT 1");
        assertThat(missing.err()).isEqualTo("error: collection 'nope' does not exist [collection.not_found]\n");
        Path script = tmp.resolve("bad.sql");
        try {
            Files.writeString(script, "SELECT 1;\n\nSELECT key FROM item WHERE nme = 1;\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Cli file = query("-f", script.toString());
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.out()).isEqualTo("1\n1\n(1 row)\n");
        assertThat(file.err()).isEqualTo("error: no such column: nme [HQL_UNKNOWN_COLUMN] at 3:28\n");
    }

    @Test
    void dataAndUrlExcludeEachOtherAndABadUrlOrNoServerIsOneLine() {
        Cli both = Cli.run("query", "--url", url, "--data", tmp.resolve("x").toString(), "-c", "shop", "SELECT 1");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("error: give either --data (open a database directory) or --url (ask a server), not both\n");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
        Cli create = Cli.run("query", "--url", url, "-c", "shop", "--create", "SELECT 1");
        assertThat(create.err()).startsWith("error: --create opens a local --data directory");
        Cli bad = Cli.run("query", "--url", "ftp://host", "-c", "shop", "SELECT 1");
        assertThat(bad.err()).startsWith("error: --url must be an http:// or https:// URL");
        Cli down = Cli.run("query", "--url", "http://127.0.0.1:1", "-c", "shop", "SELECT 1");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).startsWith("error: cannot reach the server at http://127.0.0.1:1: ").doesNotContain("\n\t");
    }

    @Test
    void schemaOverHttpListsTypesFieldsIndexesAndTables() {
        Cli text = Cli.run("schema", "--url", url, "-c", "shop");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("Schema of collection 'shop' at " + url + " (revision ")
                .contains("ENTITY TYPE  PROPERTIES\nitem         name string, price float64\n")
                .contains("VECTOR FIELD  KIND   DIMENSION  METRIC  INDEX\n"
                        + "emb           dense          2  l2      m=16 ef_construction=200 ef_search=32 quantization=none\n")
                .contains("INDEX       ON\nitem_price  item.price\n")
                .contains("SQL TABLE  COLUMNS\nitem       key TEXT, name TEXT, price REAL, emb VECTOR(2, l2)\n")
                .doesNotContain("_hql_catalog");
        Cli json = Cli.run("schema", "--url", url, "-c", "shop", "--format", "json");
        assertThat(json.out().replaceAll("\\s", "")).contains("\"indexes\":[{\"name\":\"item_price\",\"entityType\":\"item\",\"property\":\"price\"}]");
    }

    @Test
    void anApiKeyIsSentAndAWrongOneIsRefused(@TempDir Path keysDir) throws Exception {
        Path keys = keysDir.resolve("keys");
        String reader = ApiKeys.add(keys, Role.READ, "reader");
        try (HyperspatialServer secured = HyperspatialServer.start(HyperspatialDatabase.open(keysDir.resolve("db"),
                DatabaseOptions.preset(StoragePreset.SMALL)), ServerConfig.loopback(0).withApiKeys(ApiKeys.load(keys)))) {
            secured.database().storage().createCollection("c");
            String securedUrl = "http://127.0.0.1:" + secured.port();
            Cli none = Cli.run("query", "--url", securedUrl, "-c", "c", "--api-key", "", "SELECT 1");
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err()).contains("[auth.missing_key]");
            Cli ok = Cli.run("query", "--url", securedUrl, "-c", "c", "--api-key", reader, "SELECT 1 AS one");
            assertThat(ok.out()).as(ok.toString()).isEqualTo("one\n1\n(1 row)\n");
            Cli write = Cli.run("query", "--url", securedUrl, "-c", "c", "--api-key", reader, "CREATE TABLE t(x INTEGER)");
            assertThat(write.err()).contains("[auth.forbidden]");
        }
    }

    @Test
    void aCancelledRemoteStatementIsAbandonedAndStoppedOnTheServer() throws Exception {
        server.database().storage().createCollection("big");
        try (RemoteRunner runner = new RemoteRunner(url, "big", null)) {
            for (String sql : new String[]{"CREATE TABLE d(x INTEGER)", "CREATE TABLE t(x INTEGER)",
                    "INSERT INTO d VALUES('0', 0), ('1', 1), ('2', 2), ('3', 3), ('4', 4), ('5', 5), ('6', 6), ('7', 7), ('8', 8), ('9', 9)",
                    "INSERT INTO t SELECT 't' || CAST(a.x * 100 + b.x * 10 + c.x AS TEXT), a.x FROM d a, d b, d c"}) {
                runner.run(sql, Map.of());
            }
            StatementControl control = StatementControl.cancellable();
            CompletableFuture<StatementResult> runaway = CompletableFuture.supplyAsync(
                    () -> runner.run("SELECT count(*) FROM t a, t b, t c, t d", Map.of(), control)); // 10¹² combinations
            Thread.sleep(300);

            control.cancel();

            Throwable thrown = catchThrowableOfType(ExecutionException.class, () -> runaway.get(60, TimeUnit.SECONDS)).getCause();
            assertThat(thrown).isInstanceOf(StatementFailure.class);
            assertThat(((StatementFailure) thrown).code()).isEqualTo("HQL_CANCELLED");
            // The server stopped the statement when its connection closed; otherwise this would wait for its 2-minute timeout.
            StatementResult.Rows count = (StatementResult.Rows) CompletableFuture.supplyAsync(
                    () -> runner.run("SELECT count(*) FROM t", Map.of())).get(60, TimeUnit.SECONDS);
            assertThat(count.rows().getFirst().getFirst()).isEqualTo(1000L);
        }
    }
}
