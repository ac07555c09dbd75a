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

class SearchServiceTest extends SharedServer {
    private static final int N = 400;
    private static final int DIM = 8;
    private static final String SEARCH = "/v1/collections/points/search";

    @Test
    void searchFindsTheExactNeighboursOfASmallCollectionWithTheRequestedProperties() {
        float[][] points = createPoints(new Random(42));
        Random random = new Random(7);
        for (int q = 0; q < 10; q++) {
            float[] query = randomVector(random, DIM);
            Reply r = s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + Arrays.toString(query)
                    + ", \"k\": 5, \"ef\": 200, \"wait_for_index\": true, \"properties\": [\"n\"]}");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonNode results = r.json().get("results");
            assertThat(results).hasSize(5);
            Set<String> found = new HashSet<>();
            results.forEach(h -> found.add(h.get("key").asText()));
            assertThat(found).isEqualTo(bruteForce(points, query, 5));
            for (int i = 1; i < 5; i++) {
                assertThat(results.get(i).get("distance").asDouble()).isGreaterThanOrEqualTo(results.get(i - 1).get("distance").asDouble());
            }
            JsonNode first = results.get(0);
            assertThat(first.at("/properties/n").asLong()).isEqualTo(Long.parseLong(first.get("key").asText().substring(1)));
        }
    }

    @Test
    void likeSearchesWithAnEntitysVectorAndLeavesItOut() {
        float[][] points = createPoints(new Random(43));
        Reply r = s.post(SEARCH, "{\"field\": \"v\", \"like\": \"p3\", \"k\": 4, \"ef\": 200, \"wait_for_index\": true}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Set<String> found = new HashSet<>();
        r.json().get("results").forEach(h -> found.add(h.get("key").asText()));
        Set<String> expected = bruteForce(points, points[3], 5);
        expected.remove("p3");
        assertThat(found).isEqualTo(expected);
        assertThat(r.json().get("results").get(0).has("properties")).isFalse();
    }

    @Test
    void badSearchesNameTheirProblem() {
        createPoints(new Random(44));
        assertError(s.post(SEARCH, "{\"field\": \"v\", \"vector\": [1, 2]}"), 400, "schema.dimension_mismatch");
        assertError(s.post(SEARCH, "{\"field\": \"v\", \"vector\": [0, 0, 0, 0, 0, 0, 0, 0]}"), 400, "invalid_argument");
        assertError(s.post(SEARCH, "{\"field\": \"nope\", \"vector\": [1]}"), 400, "schema.unknown_field");
        assertError(s.post(SEARCH, "{\"field\": \"v\"}"), 400, "request.invalid");
        assertError(s.post(SEARCH, "{\"field\": \"v\", \"like\": \"p1\", \"vector\": [1]}"), 400, "request.invalid");
        assertError(s.post(SEARCH, "{\"field\": \"v\", \"like\": \"nobody\"}"), 404, "entity.not_found");
        assertError(s.post(SEARCH, "{\"field\": \"v\", \"like\": \"p1\", \"k\": 0}"), 400, "request.invalid");
        assertError(s.post(SEARCH, "{\"field\": \"v\", \"like\": \"p1\", \"k\": \"ten\"}"), 400, "request.invalid");
        assertError(s.post("/v1/collections/nope/search", "{\"field\": \"v\", \"like\": \"p1\"}"), 404, "collection.not_found");
        Reply k = s.post(SEARCH, "{\"field\": \"v\", \"like\": \"p1\", \"k\": 0}");
        assertThat(k.json().at("/error/field").asText()).isEqualTo("k");
    }

    /**
     * A short vector query is answered on the event loop; with properties, a breadth beyond the
     * inline budget or a body over the inline size it runs on the blocking executor. All answer alike.
     */
    @Test
    void theEventLoopAndTheBlockingExecutorAnswerAlike() {
        createPoints(new Random(45));
        Random random = new Random(8);
        s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + Arrays.toString(randomVector(random, DIM)) + ", \"wait_for_index\": true}");
        for (int q = 0; q < 5; q++) {
            String vector = Arrays.toString(randomVector(random, DIM));
            JsonNode inline = ok(s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + vector + ", \"k\": 6, \"ef\": 400}"));
            assertThat(inline.get("results")).hasSize(6);
            assertThat(inline.get("index_sequence").asLong()).isPositive();
            assertThat(inline.get("results").get(0).has("properties")).isFalse();
            assertThat(inline.get("results").get(0).get("id").asText()).hasSize(36);

            JsonNode withProperties = ok(s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + vector
                    + ", \"k\": 6, \"ef\": 400, \"properties\": [\"n\"]}"));
            JsonNode wide = ok(s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + vector + ", \"k\": 6, \"ef\": 5000}"));
            JsonNode bigBody = ok(s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + vector + ", \"k\": 6, \"ef\": 400}"
                    + " ".repeat(SearchService.INLINE_BODY_BYTES)));
            for (JsonNode other : List.of(withProperties, wide, bigBody)) {
                for (int i = 0; i < 6; i++) {
                    JsonNode a = inline.get("results").get(i);
                    JsonNode b = other.get("results").get(i);
                    assertThat(b.get("key")).isEqualTo(a.get("key"));
                    assertThat(b.get("id")).isEqualTo(a.get("id"));
                    assertThat(b.get("distance")).isEqualTo(a.get("distance"));
                }
            }
            assertThat(withProperties.get("results").get(0).at("/properties/n").asLong())
                    .isEqualTo(Long.parseLong(inline.get("results").get(0).get("key").asText().substring(1)));
        }
    }

    @Test
    void anEntityDeletedAfterTheIndexSawItIsNotFound() {
        float[][] points = createPoints(new Random(46));
        float[] query = points[17].clone();
        s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + Arrays.toString(query) + ", \"wait_for_index\": true}");
        JsonNode before = ok(s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + Arrays.toString(query) + ", \"k\": 3}"));
        assertThat(before.at("/results/0/key").asText()).isEqualTo("p17");
        assertThat(s.delete("/v1/collections/points/entities/p17").status()).isEqualTo(200);
        JsonNode after = ok(s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + Arrays.toString(query) + ", \"k\": 3}"));
        // Until the index applies the delete, it still finds p17, whose row is gone: two hits then.
        assertThat(after.get("results")).hasSizeBetween(2, 3).noneMatch(h -> h.get("key").asText().equals("p17"));
    }

    /** Malformed vectors get the documented 400s, whichever thread parses the body. */
    @Test
    void malformedVectorsAreRefusedWithTheirCodeAndField() {
        createPoints(new Random(47));
        String[][] cases = {
                {"\"abc\"", "request.invalid", "vector", "'vector' must be a JSON array, got a string"},
                {"[1, 2, \"x\", 4, 5, 6, 7, 8]", "request.invalid", "vector[2]", "'vector[2]' must be a number, got a string"},
                {"[1, 2, null, 4, 5, 6, 7, 8]", "request.invalid", "vector[2]", "'vector[2]' must be a number, got null"},
                {"[1, 2, 3]", "schema.dimension_mismatch", "vector", null},
                {"[1, 2, 3, 4, 5, 6, 7, 1e39]", "schema.non_finite_value", "vector", null},
        };
        for (String padding : List.of("", " ".repeat(SearchService.INLINE_BODY_BYTES))) {
            for (String[] c : cases) {
                Reply r = s.post(SEARCH, "{\"field\": \"v\", \"vector\": " + c[0] + "}" + padding);
                assertError(r, 400, c[1]);
                assertThat(r.json().at("/error/field").asText()).as(r.text()).isEqualTo(c[2]);
                if (c[3] != null) {
                    assertThat(r.message()).isEqualTo(c[3]);
                }
            }
            assertError(s.post(SEARCH, "{\"field\": \"v\", \"vector\": [1, 2, NaN]}" + padding), 400, "request.malformed_json");
        }
    }

    private static JsonNode ok(Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static void assertError(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.code()).as(r.text()).isEqualTo(code);
    }

    /** Creates collection {@code points} with N random cosine vectors keyed p0..p(N-1), property n = index. */
    private static float[][] createPoints(Random random) {
        s.post("/v1/collections", "{\"name\": \"points\", \"entity_types\": {\"P\": {\"n\": \"int64\"}},"
                + " \"vector_fields\": {\"v\": {\"dimension\": " + DIM + ", \"metric\": \"cosine\"}}}");
        float[][] points = new float[N][];
        StringBuilder body = new StringBuilder("{\"entities\": [");
        for (int i = 0; i < N; i++) {
            points[i] = randomVector(random, DIM);
            body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"key\": \"p%d\", \"type\": \"P\", \"properties\": {\"n\": %d}, \"vectors\": {\"v\": %s}}",
                    i, i, Arrays.toString(points[i])));
        }
        Reply r = s.post("/v1/collections/points/entities", body.append("]}").toString());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return points;
    }
}
