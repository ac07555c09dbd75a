package io.hyperspatial.server.api;

import io.hyperspatial.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SmokeTest {
    @TempDir Path dir;

    @Test
    void smoke() {
        try (TestServer s = TestServer.start(dir)) {
            System.out.println(s.get("/v1/health"));
            System.out.println(s.post("/v1/collections", """
                    {"name": "people", "entity_types": {"Person": {"name": "string", "age": "int64"}},
                     "vector_fields": {"emb": {"dimension": 3, "metric": "cosine"}}, "edge_types": ["knows"]}"""));
            System.out.println(s.post("/v1/collections/people/entities", """
                    {"entities": [{"key": "ann", "type": "Person", "properties": {"name": "Ann", "age": 31},
                      "vectors": {"emb": [1, 0, 0]}, "edges": [{"type": "knows", "to": "bob"}]},
                      {"key": "bob", "type": "Person", "properties": {"name": "Bob"}, "vectors": {"emb": [0.9, 0.1, 0]}}]}"""));
            System.out.println(s.post("/v1/collections/people/entities", """
                    {"entities": [{"key": "x", "type": "Person", "properties": {"agee": 3}}]}"""));
            System.out.println(s.post("/v1/collections/people/entities", """
                    {"entities": [{"key": "x", "type": "Person", "vectors": {"emb": [1, 2]}}]}"""));
            System.out.println(s.post("/v1/collections/people/entities", "{\"entities\": [NaN]}"));
            System.out.println(s.get("/v1/collections/people/entities/ann?vectors=true"));
            System.out.println(s.get("/v1/collections/people/entities/ann/edges"));
            System.out.println(s.post("/v1/collections/people/search", """
                    {"field": "emb", "like": "ann", "k": 5, "wait_for_index": true, "properties": ["name"]}"""));
            System.out.println(s.get("/v1/collections/people"));
            System.out.println(s.get("/v1/collections/people/digest").text().substring(0, 200));
            System.out.println(s.get("/v1/nothing"));
            System.out.println(s.delete("/v1/health"));
            String metrics = s.get("/v1/metrics").text();
            metrics.lines().filter(l -> l.contains("hyperspatial_")).limit(15).forEach(System.out::println);
        }
    }
}
