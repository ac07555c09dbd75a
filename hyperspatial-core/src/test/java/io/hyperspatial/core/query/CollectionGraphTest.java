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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The graph statements and MATCH over a real collection: edge types are the collection's, edges
 * written by SQL and by the storage API are the same edges, rows are named by their entity key.
 * The graph is the small one of the in-memory {@code graph.test}, so the answers agree with it.
 */
class CollectionGraphTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection collection;
    private Engine engine;

    @BeforeEach
    void smallGraph() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        collection = db.getOrCreateCollection("g");
        engine = new Engine(new CollectionDataSource(collection, null, Durability.ASYNC));
        engine.executeScript("""
                CREATE TABLE person(name TEXT, age INTEGER);
                CREATE TABLE city(name TEXT);
                INSERT INTO person VALUES('a', 'alice', 30), ('b', 'bob', 25), ('c', 'carol', 35), ('d', 'dave', 40), ('e', 'erin', 22);
                INSERT INTO city VALUES('par', 'paris'), ('rom', 'rome'), ('osl', 'oslo');
                CREATE EDGE TYPE knows;
                INSERT EDGE knows FROM person('a') TO person('b') WEIGHT 0.5;
                INSERT EDGE knows FROM person TO person VALUES('b', 'c', 1.0), ('c', 'a', 2), ('c', 'd', 1.5), ('d', 'e', NULL), ('a', 'd', 4.0);
                """);
        collection.updateSchema(s -> s.edgeType("lives_in"));
        collection.write(Durability.STRICT, tx -> {
            for (String[] e : new String[][] {{"a", "par"}, {"b", "par"}, {"c", "rom"}, {"d", "rom"}, {"e", "osl"}}) {
                tx.addEdge(id(e[0]), "lives_in", id(e[1]), 1f);
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void edgeTypesAreTheCollections() {
        assertThat(collection.schema().edgeTypes()).containsKeys("knows", "lives_in");
        collection.read(view -> {
            assertThat(view.graph().outgoing(id("a"), "knows")).hasSize(2);
            return null;
        });
    }

    @Test
    void oneHopChainsAndBothDirections() {
        assertThat(rows("SELECT a.name, b.name, e.weight FROM MATCH (a:person)-[e:knows]->(b:person) ORDER BY 1, 2"))
                .containsExactly(List.of("alice", "bob", 0.5), List.of("alice", "dave", 4.0), List.of("bob", "carol", 1.0),
                        List.of("carol", "alice", 2.0), List.of("carol", "dave", 1.5), List.of("dave", "erin", 1.0));
        assertThat(rows("SELECT b.name FROM MATCH (a:person)<-[:knows]-(b:person) WHERE a.name = 'dave' ORDER BY 1"))
                .containsExactly(List.of("alice"), List.of("carol"));
        assertThat(rows("SELECT b.name FROM MATCH (a:person)-[:knows]-(b:person) WHERE a.key = 'c' ORDER BY 1"))
                .containsExactly(List.of("alice"), List.of("bob"), List.of("dave"));
        assertThat(rows("""
                SELECT a.name, b.name FROM MATCH (a:person)-[:knows]->(b:person)-[:lives_in]->(c:city)
                WHERE c.name = 'rome' ORDER BY 1, 2"""))
                .containsExactly(List.of("alice", "dave"), List.of("bob", "carol"), List.of("carol", "dave"));
    }

    @Test
    void variableLengthVisitsEachNodeOnceAndComposesWithGrouping() {
        assertThat(rows("""
                SELECT b.name, e.length, count(*) FROM MATCH (a:person)-[e:knows*1..3]->(b:person)
                WHERE a.key = 'a' GROUP BY b.name, e.length ORDER BY 1, 2"""))
                .containsExactly(List.of("bob", 1L, 1L), List.of("carol", 2L, 1L), List.of("dave", 1L, 1L),
                        List.of("dave", 3L, 1L), List.of("erin", 2L, 1L));
        assertThat(rows("""
                SELECT c.name, count(*) FROM MATCH (p:person)-[:lives_in]->(x:city), city c
                WHERE c.key = x.key GROUP BY c.name ORDER BY c.name"""))
                .containsExactly(List.of("oslo", 1L), List.of("paris", 2L), List.of("rome", 2L));
    }

    @Test
    void shortestPathsByEdgesAndByWeight() {
        assertThat(rows("SELECT b.name, e.length, e.weight FROM SHORTEST PATH (a:person)-[e:knows*]->(b:person) "
                + "WHERE a.key = 'a' ORDER BY 1"))
                .containsExactly(List.of("bob", 1L, 0.5), List.of("carol", 2L, 1.5), List.of("dave", 1L, 4.0),
                        List.of("erin", 2L, 5.0));
        assertThat(rows("SELECT b.name, e.length, e.weight FROM SHORTEST WEIGHTED PATH (a:person)-[e:knows*]->(b:person) "
                + "WHERE a.key = 'a' AND b.key = 'e'"))
                .containsExactly(List.of("erin", 4L, 4.0));
    }

    @Test
    void theStartKeyIsALookupAndFiltersArePushedIntoTheTraversal() {
        String plan = String.join("\n", rows("EXPLAIN SELECT b.name FROM MATCH (a:person)-[:knows*1..3]->(b:person) "
                + "WHERE a.key = 'a' AND b.age > 30").stream().map(r -> (String) r.getFirst()).toList());

        assertThat(plan).contains("GraphMatch (a:person)-[:knows*1..3]->(b:person) filter at step 1 (age > 30)")
                .contains("KeyLookup person AS a on key = 'a'").doesNotContain("Filter");
    }

    @Test
    void edgeWritesAreAtomicAndFollowDeletedRows() {
        HqlException missing = catchThrowableOfType(HqlException.class, () -> engine.execute(
                "INSERT EDGE knows FROM person TO person VALUES('a', 'e', 1.0), ('a', 'zed', 1.0)"));
        assertThat(missing.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(missing.getMessage()).contains("person('zed')");
        assertThat(rows("SELECT count(*) FROM MATCH (a:person)-[:knows]->(b:person)")).containsExactly(List.of(6L));

        engine.execute("DELETE EDGE knows FROM person('c') TO person('a')");
        engine.execute("DELETE FROM person WHERE key = 'b'");
        assertThat(rows("SELECT count(*) FROM MATCH (a:person)-[:knows]->(b:person)")).containsExactly(List.of(3L));

        engine.execute("DROP EDGE TYPE knows");
        assertThat(collection.schema().edgeTypes()).containsOnlyKeys("lives_in");
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT * FROM MATCH (a:person)-[:knows]->(b)")).code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("INSERT EDGE lives_in FROM person('a') TO city('par') WEIGHT 1e39")).code())
                .isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
    }

    private UUID id(String key) {
        return collection.ids().forKey(key);
    }

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }
}
