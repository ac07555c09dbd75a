package io.hyperspatial.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Base of tests that share one unauthenticated {@link TestServer} per class, emptied before each test. */
public abstract class SharedServer {
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
}
