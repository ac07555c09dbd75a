package io.hyperspatial.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Base of tests that share one unauthenticated {@link TestServer} per class, emptied before each test. */
public abstract class SharedServer {
    /** Statements that give a collection a table {@code t} of 1,000 rows (from a table {@code d} of ten digits): data for {@link #RUNAWAY}. */
    protected static final List<String> THOUSAND_ROWS = List.of("CREATE TABLE d(x INTEGER)", "CREATE TABLE t(x INTEGER)",
            "INSERT INTO d VALUES('0', 0), ('1', 1), ('2', 2), ('3', 3), ('4', 4), ('5', 5), ('6', 6), ('7', 7), ('8', 8), ('9', 9)",
            "INSERT INTO t SELECT 't' || CAST(a.x * 100 + b.x * 10 + c.x AS TEXT), a.x * 100 + b.x * 10 + c.x FROM d a, d b, d c");
    /** A count over t × t × t × t of {@link #THOUSAND_ROWS}, 10¹² combinations: hours of work, a query no test waits for. */
    protected static final String RUNAWAY = "SELECT count(*) FROM t a, t b, t c, t d";

    @TempDir protected static Path dir;
    protected static TestServer s;

    @BeforeAll
    static void startServer() {
        s = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() {
        s.close();
    }

    @BeforeEach
    void emptyServer() {
        s.reset();
    }

    /** Creates the {@code people} collection: Person(name string, age int64, score float64, tags list), emb cosine(3), knows. */
    protected static void createPeople() {
        TestServer.Reply r = s.post("/v1/collections", """
                {"name": "people",
                 "entity_types": {"Person": {"name": "string", "age": "int64", "score": "float64", "tags": "list",
                                             "born": "timestamp", "photo": "bytes"},
                                  "City": {"name": "string"}},
                 "vector_fields": {"emb": {"dimension": 3, "metric": "cosine"},
                                   "words": {"dimension": 100, "metric": "dot", "kind": "sparse"}},
                 "edge_types": ["knows", "lives_in"]}""");
        if (r.status() != 201) {
            throw new AssertionError("cannot create people: " + r);
        }
    }

    /** Creates the {@code taxa} collection: a tree of 1 + 4 + 16 + 64 Taxon entities keyed t, t.0, t.0.1, …, each with an is_a edge to its parent. */
    protected static void createTaxa() {
        TestServer.Reply created = s.post("/v1/collections",
                "{\"name\": \"taxa\", \"entity_types\": {\"Taxon\": {}}, \"edge_types\": [\"is_a\"]}");
        if (created.status() != 201) {
            throw new AssertionError("creating taxa: " + created);
        }
        List<String> entities = new ArrayList<>();
        addSubtree(entities, "t", null, 0);
        TestServer.Reply r = s.post("/v1/collections/taxa/entities", "{\"entities\": [" + String.join(",", entities) + "]}");
        if (r.status() != 200) {
            throw new AssertionError("writing taxa: " + r);
        }
    }

    private static void addSubtree(List<String> out, String key, String parent, int depth) {
        out.add("{\"key\": \"" + key + "\", \"type\": \"Taxon\""
                + (parent == null ? "" : ", \"edges\": [{\"type\": \"is_a\", \"to\": \"" + parent + "\"}]") + "}");
        for (int c = 0; depth < 3 && c < 4; c++) {
            addSubtree(out, key + "." + c, key, depth + 1);
        }
    }
}
