package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CollectionDataSourceTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection collection;
    private Engine engine;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        collection = db.getOrCreateCollection("c");
        engine = new Engine(new CollectionDataSource(collection, null, Durability.ASYNC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void reopen() {
        db.close();
        open();
    }

    private List<List<Object>> rows(String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows();
    }

    private String explain(String sql) {
        return String.join("\n", rows("EXPLAIN " + sql).stream().map(r -> (String) r.getFirst()).toList());
    }

    private ErrorCode failure(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql)).code();
    }

    @Test
    void aTableIsAnEntityTypeWithTheKeyColumnFirst() {
        engine.executeScript("""
                CREATE TABLE person(name TEXT NOT NULL, age INTEGER, score REAL, born NUMERIC, photo BLOB);
                INSERT INTO person(key, name, age, score, born, photo) VALUES('ada', 'Ada', 36, 1, 1815, x'00ff');
                INSERT INTO person(name, age) VALUES('Bo', 17);
                """);

        assertThat(rows("SELECT key, name, age, score, born, photo FROM person WHERE key = 'ada'"))
                .containsExactly(List.of("ada", "Ada", 36L, 1.0, 1815L, new io.hyperspatial.hyperql.value.Blob(new byte[] {0, -1})));
        assertThat(rows("SELECT count(*), max(length(key)) FROM person")).containsExactly(List.of(2L, 36L));
        assertThat(engine.execute("SELECT * FROM person")).isInstanceOfSatisfying(StatementResult.Rows.class,
                r -> assertThat(r.columns()).containsExactly("key", "name", "age", "score", "born", "photo"));
        assertThat(collection.schema().entityType("person").properties()).containsOnlyKeys("name", "age", "score", "born", "photo");
        assertThat(collection.<java.util.Optional<Value>>read(v -> v.properties().get(collection.ids().forKey("ada"), "age")))
                .contains(Value.of(36L));
        assertThat(explain("SELECT name FROM person WHERE key = 'ada'")).contains("KeyLookup");
    }

    @Test
    void updatesAndDeletesChangeTheEntities() {
        engine.executeScript("""
                CREATE TABLE t(a INTEGER, b TEXT);
                INSERT INTO t VALUES('k1', 1, 'x'), ('k2', 2, 'y'), ('k3', 3, NULL);
                UPDATE t SET b = 'z', a = a * 10 WHERE a >= 2;
                DELETE FROM t WHERE key = 'k1';
                """);

        assertThat(rows("SELECT key, a, b FROM t ORDER BY key")).containsExactly(List.of("k2", 20L, "z"), List.of("k3", 30L, "z"));
        assertThat(collection.<Boolean>read(v -> v.entities().exists(collection.ids().forKey("k1")))).isFalse();
        engine.execute("UPDATE t SET b = NULL WHERE key = 'k2'");
        assertThat(collection.<Map<String, Value>>read(v -> v.properties().all(collection.ids().forKey("k2")))).containsOnlyKeys("a");
    }

    @Test
    void indexesServeLookupsAndRangesAndFollowWrites() {
        engine.executeScript("""
                CREATE TABLE m(v INTEGER, w REAL, s TEXT);
                CREATE INDEX m_v ON m(v);
                CREATE INDEX m_s ON m(s);
                """);
        for (int i = 0; i < 50; i++) {
            engine.execute("INSERT INTO m VALUES(?, ?, ?, ?)", "r" + i, (long) (i % 10) - 5, i / 4.0, "s" + (i % 7));
        }
        engine.execute("CREATE INDEX m_w ON m(w)");

        assertThat(explain("SELECT key FROM m WHERE v = 3")).contains("KeyLookup m on v");
        assertThat(explain("SELECT key FROM m WHERE w > 2.5 AND w <= 4")).contains("RangeScan m on w");
        assertThat(rows("SELECT count(*) FROM m WHERE v = 3")).containsExactly(List.of(5L));
        assertThat(rows("SELECT w FROM m WHERE w > 2.5 AND w <= 4")).containsExactly(
                List.of(2.75), List.of(3.0), List.of(3.25), List.of(3.5), List.of(3.75), List.of(4.0));
        assertThat(rows("SELECT count(*) FROM m WHERE v >= -1 AND v < 2")).containsExactly(List.of(15L));
        assertThat(rows("SELECT count(*) FROM m WHERE s = 's3'")).containsExactly(List.of(7L));

        engine.execute("UPDATE m SET v = 100 WHERE v = 3");
        engine.execute("DELETE FROM m WHERE s = 's3'");
        assertThat(rows("SELECT count(*) FROM m WHERE v = 3")).containsExactly(List.of(0L));
        assertThat(rows("SELECT count(*) FROM m WHERE v = 100")).containsExactly(List.of(4L));
        assertThat(rows("SELECT count(*) FROM m WHERE s = 's3'")).containsExactly(List.of(0L));

        engine.execute("DROP INDEX m_v");
        assertThat(explain("SELECT key FROM m WHERE v = 3")).doesNotContain("KeyLookup");
        assertThat(collection.schema().propertyIndexes()).containsOnlyKeys("m_s", "m_w");
    }

    @Test
    void constraintsHoldAndAFailingStatementChangesNothing() {
        engine.executeScript("""
                CREATE TABLE u(id INTEGER PRIMARY KEY, email TEXT UNIQUE, n INTEGER NOT NULL);
                INSERT INTO u VALUES('a', 1, 'a@x', 0), ('b', 2, 'b@x', 0);
                """);

        assertThat(failure("INSERT INTO u VALUES('c', 3, 'c@x', 0), ('d', 1, 'd@x', 0)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("INSERT INTO u VALUES('a', 9, 'z@x', 0)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("INSERT INTO u VALUES('e', 5, 'b@x', 0)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("INSERT INTO u VALUES('f', 6, 'f@x', NULL)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("INSERT INTO u VALUES('g', 'seven', 'g@x', 0)")).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(failure("UPDATE u SET key = 'zz'")).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(rows("SELECT key FROM u ORDER BY key")).containsExactly(List.of("a"), List.of("b"));

        engine.execute("INSERT OR REPLACE INTO u VALUES('c', 1, 'c@x', 0)");
        engine.execute("INSERT OR IGNORE INTO u VALUES('d', 2, 'd@x', 0)");
        assertThat(rows("SELECT key, id FROM u ORDER BY id")).containsExactly(List.of("c", 1L), List.of("b", 2L));
        assertThat(failure("CREATE UNIQUE INDEX u_n ON u(n)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(collection.schema().propertyIndexes()).doesNotContainKey("u_n");
    }

    @Test
    void updatesOrIgnoreAndOrReplaceResolveCollisionsAsSqlite() {
        engine.executeScript("""
                CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER UNIQUE, c TEXT NOT NULL DEFAULT 'dflt');
                INSERT INTO t(a, b, c) VALUES(1, 10, 'c1'), (2, 20, 'c2'), (3, 30, 'c3'), (4, 40, 'c4');
                """);

        assertThat(engine.execute("UPDATE OR IGNORE t SET b = 40 WHERE a = 1")).isEqualTo(new StatementResult.Count(0));
        assertThat(engine.execute("UPDATE OR IGNORE t SET c = NULL WHERE a > 2")).isEqualTo(new StatementResult.Count(0));
        assertThat(engine.execute("UPDATE OR IGNORE t SET b = b + 1, c = 'x' WHERE a > 2")).isEqualTo(new StatementResult.Count(2));
        // the row it collides with goes; a NOT NULL column set to NULL gets its default
        assertThat(engine.execute("UPDATE OR REPLACE t SET b = 31, c = NULL WHERE a = 2")).isEqualTo(new StatementResult.Count(1));
        assertThat(rows("SELECT a, b, c FROM t ORDER BY a")).containsExactly(List.of(1L, 10L, "c1"),
                List.of(2L, 31L, "dflt"), List.of(4L, 41L, "x"));
        assertThat(failure("UPDATE t SET b = 10 WHERE a = 4")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(rows("SELECT changes()")).containsExactly(List.of(0L));
        assertThat(rows("SELECT count(*) FROM t WHERE b = 10")).containsExactly(List.of(1L));
    }

    @Test
    void tablesIndexesViewsAndRowsSurviveAReopen() {
        engine.executeScript("""
                CREATE TABLE p(x INTEGER UNIQUE, label TEXT DEFAULT 'none');
                CREATE INDEX p_label ON p(label);
                CREATE VIEW big AS SELECT key FROM p WHERE x > 1;
                INSERT INTO p(key, x) VALUES('one', 1), ('two', 2);
                """);
        reopen();

        assertThat(rows("SELECT key, x, label FROM p ORDER BY x")).containsExactly(List.of("one", 1L, "none"), List.of("two", 2L, "none"));
        assertThat(rows("SELECT * FROM big")).containsExactly(List.of("two"));
        assertThat(explain("SELECT key FROM p WHERE x = 2")).contains("KeyLookup p on x");
        assertThat(failure("INSERT INTO p(key, x) VALUES('three', 2)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        engine.execute("DROP TABLE p");
        assertThat(collection.schema().entityTypes()).doesNotContainKey("p");
        assertThat(failure("SELECT * FROM p")).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
    }

    @Test
    void checkConstraintsHoldAcrossAReopen() {
        engine.executeScript("""
                CREATE TABLE m(id INTEGER PRIMARY KEY, lo INTEGER CHECK (lo >= 0), hi INTEGER, CHECK (hi > lo));
                INSERT INTO m(id, lo, hi) VALUES(1, 0, 5), (2, NULL, 1);
                """);
        reopen();

        assertThat(failure("INSERT INTO m(id, lo, hi) VALUES(3, -1, 5)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(failure("UPDATE m SET hi = lo WHERE id = 1")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(engine.execute("INSERT OR IGNORE INTO m(id, lo, hi) VALUES(4, 1, 0), (5, 1, 2)"))
                .isEqualTo(new StatementResult.Count(1));
        assertThat(rows("SELECT id, lo, hi FROM m ORDER BY id")).containsExactly(List.of(1L, 0L, 5L),
                Arrays.asList(2L, null, 1L), List.of(5L, 1L, 2L));
    }

    @Test
    void addedColumnsGiveExistingRowsTheirDefaultAndSurviveAReopen() {
        engine.executeScript("""
                CREATE TABLE g(id INTEGER PRIMARY KEY, name TEXT);
                INSERT INTO g(id, name) VALUES(1, 'a'), (2, 'b');
                ALTER TABLE g ADD COLUMN score INTEGER NOT NULL DEFAULT 7;
                ALTER TABLE g ADD note TEXT;
                ALTER TABLE g ADD COLUMN emb VECTOR(2, l2);
                """);
        reopen();

        assertThat(rows("SELECT id, name, score, note FROM g ORDER BY id")).containsExactly(
                Arrays.asList(1L, "a", 7L, null), Arrays.asList(2L, "b", 7L, null));
        engine.execute("INSERT INTO g(id, name, note, emb) VALUES(3, 'c', 'n', '[1, 0]')");
        assertThat(rows("SELECT id, score, note FROM g WHERE emb IS NOT NULL")).containsExactly(List.of(3L, 7L, "n"));
        engine.execute("INSERT INTO g(id, emb) VALUES(5, '[0, 1]')");
        assertThat(rows("SELECT id FROM g ORDER BY emb <-> '[0.1, 0.9]' LIMIT 1")).containsExactly(List.of(5L));
        assertThat(failure("ALTER TABLE g ADD COLUMN score TEXT")).isEqualTo(ErrorCode.HQL_DUPLICATE_OBJECT);
        assertThat(failure("ALTER TABLE g ADD COLUMN k INTEGER UNIQUE")).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(failure("ALTER TABLE g ADD COLUMN k INTEGER CHECK (k > 0)")).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(failure("INSERT INTO g(id, score) VALUES(4, NULL)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
    }

    @Test
    void clockAndRandomDefaultsStayExpressionsAcrossAReopen() {
        engine.execute("CREATE TABLE d(id INTEGER PRIMARY KEY, at TEXT DEFAULT CURRENT_TIMESTAMP, r INTEGER DEFAULT (random()))");
        reopen();

        assertThat(engine.source().table("d").orElseThrow().schema().columns().get(2).defaultValue())
                .isEqualTo(new io.hyperspatial.hyperql.source.ColumnSchema.Expression("CURRENT_TIMESTAMP"));
        engine.execute("INSERT INTO d(id) VALUES(1), (2), (3), (4)");
        assertThat(rows("SELECT count(DISTINCT r), count(DISTINCT at), min(length(at)) FROM d"))
                .containsExactly(List.of(4L, 1L, 19L));
    }

    @Test
    void entityTypesDeclaredThroughTheApiAreTables() {
        collection.updateSchema(s -> s.entityType("City", Map.of("name", ValueType.STRING, "population", ValueType.INT64,
                "capital", ValueType.BOOL)));
        collection.write(tx -> {
            tx.upsertEntity("paris", "City");
            tx.patchProperties(collection.ids().forKey("paris"), Map.of("name", Value.of("Paris"),
                    "population", Value.of(2_100_000L), "capital", Value.of(true)));
        });

        assertThat(rows("SELECT key, name, population, capital FROM city")).containsExactly(List.of("paris", "Paris", 2_100_000L, 1L));
        engine.execute("INSERT INTO City(key, name, capital) VALUES('lyon', 'Lyon', 0)");
        assertThat(collection.<java.util.Optional<Value>>read(v -> v.properties().get(collection.ids().forKey("lyon"), "capital"))).contains(Value.of(false));
        assertThat(engine.source().tableNames()).containsExactly("City");
    }

    @Test
    void aKeyBelongsToOneEntityAcrossTables() {
        engine.executeScript("""
                CREATE TABLE a(x INTEGER);
                CREATE TABLE b(x INTEGER);
                INSERT INTO a VALUES('shared', 1);
                """);

        assertThat(failure("INSERT OR REPLACE INTO b VALUES('shared', 2)")).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(rows("SELECT count(*) FROM b")).containsExactly(List.of(0L));
    }
}
