package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static io.hyperspatial.server.api.CosinePoints.bruteForce;
import static io.hyperspatial.server.api.CosinePoints.randomVector;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-field index settings over HTTP: declared at create, described, changed at runtime (PATCH, or
 * HyperQL's ALTER TABLE ... ALTER COLUMN ... SET through POST /v1/query), and bad ones refused.
 */
class IndexSettingsServiceTest extends SharedServer {
    private static final int N = 300;
    private static final int DIM = 64;
    private static final int K = 10;

    /** Collection "points" with fields "plain" (defaults) and "small" (int8, m 12), both cosine, holding the same N vectors. */
    private static float[][] createPoints(Random random) {
        Reply created = s.post("/v1/collections", "{\"name\": \"points\", \"entity_types\": {\"P\": {}}, \"vector_fields\": {"
                + "\"plain\": {\"dimension\": " + DIM + ", \"metric\": \"cosine\"},"
                + "\"small\": {\"dimension\": " + DIM + ", \"metric\": \"cosine\", \"index\": {\"m\": 12, \"quantization\": \"int8\"}}}}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        float[][] points = new float[N][];
        StringBuilder body = new StringBuilder("{\"entities\": [");
        for (int i = 0; i < N; i++) {
            points[i] = randomVector(random, DIM);
            String v = Arrays.toString(points[i]);
            body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"key\": \"p%d\", \"type\": \"P\", \"vectors\": {\"plain\": %s, \"small\": %s}}", i, v, v));
        }
        Reply r = s.post("/v1/collections/points/entities", body.append("]}").toString());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return points;
    }

    @Test
    void anInt8FieldIsDescribedUsesLessMemoryPerVectorAndFindsTheTrueNeighbours() {
        float[][] points = createPoints(new Random(11));
        Random queries = new Random(12);
        int found = 0;
        for (int q = 0; q < 20; q++) {
            float[] query = randomVector(queries, DIM);
            Set<String> hits = search("small", query, K);
            hits.retainAll(bruteForce(points, query, K));
            found += hits.size();
        }
        assertThat(found / (20.0 * K)).as("recall@10 of the int8 field").isGreaterThanOrEqualTo(0.9);

        JsonNode d = s.get("/v1/collections/points").json();
        assertThat(d.at("/schema/vector_fields/small/index/quantization").asText()).isEqualTo("int8");
        assertThat(d.at("/schema/vector_fields/small/index/m").asInt()).isEqualTo(12);
        assertThat(d.at("/schema/vector_fields/small/index/ef_construction").asInt()).isEqualTo(200);
        assertThat(d.at("/schema/vector_fields/plain/index/quantization").asText()).isEqualTo("none");
        JsonNode plain = index(d, "plain");
        JsonNode small = index(d, "small");
        assertThat(small.get("quantization").asText()).isEqualTo("int8");
        assertThat(small.get("m").asInt()).isEqualTo(12);
        assertThat(plain.get("quantization").asText()).isEqualTo("none");
        assertThat(small.get("vectors").asInt()).isEqualTo(N);
        assertThat(small.get("memory_bytes").asDouble() / N).as("heap bytes per vector, int8 vs float32")
                .isLessThan(plain.get("memory_bytes").asDouble() / N);
        assertThat(small.get("mapped_bytes").asLong()).as("full-precision vectors for the rerank").isPositive();
    }

    @Test
    void efSearchChangedAtRuntimeIsDescribedAndUsedBySearchesWithoutEf() {
        float[][] points = createPoints(new Random(21));
        assertThat(recallAt1(points, new Random(22))).as("default ef_search 64").isGreaterThanOrEqualTo(0.9);

        Reply narrow = s.patch("/v1/collections/points/vector_fields/plain/index", "{\"ef_search\": 1}");
        assertThat(narrow.status()).as(narrow.text()).isEqualTo(200);
        assertThat(narrow.json().at("/schema/vector_fields/plain/index/ef_search").asInt()).isEqualTo(1);
        assertThat(narrow.json().at("/schema/vector_fields/plain/index/m").asInt()).as("other settings kept").isEqualTo(16);
        assertThat(index(narrow.json(), "plain").get("ef_search").asInt()).as("the answer waits for the indexer").isEqualTo(1);
        assertThat(recallAt1(points, new Random(22))).as("greedy search at ef 1").isLessThan(0.9);

        Reply wide = s.post("/v1/collections/points/schema", "{\"vector_fields\": {\"plain\": {\"dimension\": " + DIM
                + ", \"metric\": \"cosine\", \"index\": {\"ef_search\": 400}}}}");
        assertThat(wide.status()).as(wide.text()).isEqualTo(200);
        assertThat(recallAt1(points, new Random(22))).isEqualTo(1.0);
        assertThat(index(s.get("/v1/collections/points").json(), "plain").get("ef_search").asInt()).isEqualTo(400);
    }

    @Test
    void hyperQlAlterColumnChangesTheFieldAsPatchDoes() {
        float[][] points = createPoints(new Random(41));
        Reply narrow = s.post("/v1/query", "{\"collection\": \"points\", \"query\":"
                + " \"ALTER TABLE p ALTER COLUMN plain SET (ef_search = 1)\"}");
        assertThat(narrow.status()).as(narrow.text()).isEqualTo(200);
        assertThat(narrow.json().get("schema_change").asText())
                .isEqualTo("changed the index of P.plain: m=16 ef_construction=200 ef_search=1 quantization=none");
        assertThat(recallAt1(points, new Random(42))).as("greedy search at ef 1").isLessThan(0.9);
        assertThat(s.get("/v1/collections/points").json().at("/schema/vector_fields/plain/index/ef_search").asInt())
                .isEqualTo(1);

        Reply bad = s.post("/v1/query", "{\"collection\": \"points\", \"query\":"
                + " \"ALTER TABLE p ALTER COLUMN plain SET (m = 1)\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("HQL_OUT_OF_RANGE");
        assertThat(bad.json().at("/error/column").asInt()).isEqualTo(43);
        assertThat(s.get("/v1/collections/points").json().at("/schema/vector_fields/plain/index/m").asInt()).isEqualTo(16);
    }

    @Test
    void badSettingsAreRefusedNamingTheKeyAndChangeNothing() {
        for (String index : List.of("{\"m\": 1}", "{\"ef_search\": 0}", "{\"quantization\": \"int4\"}",
                "{\"ef\": 10}", "{\"m\": \"16\"}", "[16]")) {
            Reply r = s.post("/v1/collections", "{\"name\": \"c\", \"vector_fields\": {\"v\": {\"dimension\": 3,"
                    + " \"metric\": \"l2\", \"index\": " + index + "}}}");
            assertThat(r.status()).as(index + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().at("/error/field").asText()).as(index).startsWith("vector_fields.v.index");
        }
        Reply sparse = s.post("/v1/collections", "{\"name\": \"c\", \"vector_fields\": {\"v\": {\"dimension\": 30,"
                + " \"metric\": \"dot\", \"kind\": \"sparse\", \"index\": {\"m\": 8}}}}");
        assertThat(sparse.status()).as(sparse.text()).isEqualTo(400);
        assertThat(s.get("/v1/collections").json().at("/collections").size()).as("nothing created").isZero();

        createPoints(new Random(31));
        Reply bad = s.patch("/v1/collections/points/vector_fields/plain/index", "{\"ef_construction\": -1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/field").asText()).isEqualTo("ef_construction");
        Reply unknown = s.patch("/v1/collections/points/vector_fields/nope/index", "{\"ef_search\": 10}");
        assertThat(unknown.code()).isEqualTo("schema.unknown_field");
        assertThat(s.get("/v1/collections/points").json().at("/schema/vector_fields/plain/index/ef_construction").asInt())
                .isEqualTo(200);
    }

    private static JsonNode index(JsonNode description, String field) {
        for (JsonNode i : description.get("indexes")) {
            if (i.get("field").asText().equals(field)) {
                return i;
            }
        }
        throw new AssertionError("no index of " + field + " in " + description);
    }

    /** Share of 30 seeded queries whose one nearest neighbour in "plain" (searched without ef) is the true one. */
    private static double recallAt1(float[][] points, Random queries) {
        int right = 0;
        for (int q = 0; q < 30; q++) {
            float[] query = randomVector(queries, DIM);
            if (search("plain", query, 1).equals(bruteForce(points, query, 1))) {
                right++;
            }
        }
        return right / 30.0;
    }

    private static Set<String> search(String field, float[] query, int k) {
        Reply r = s.post("/v1/collections/points/search", "{\"field\": \"" + field + "\", \"vector\": "
                + Arrays.toString(query) + ", \"k\": " + k + ", \"wait_for_index\": true}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Set<String> keys = new HashSet<>();
        r.json().get("results").forEach(h -> keys.add(h.get("key").asText()));
        return keys;
    }
}
