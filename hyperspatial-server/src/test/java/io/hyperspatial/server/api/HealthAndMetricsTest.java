package io.hyperspatial.server.api;

import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAndMetricsTest extends SharedServer {
    @Test
    void healthSaysOk() {
        Reply r = s.get("/v1/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void metricsCountRequestsPerRouteAndGaugeEachCollection() {
        createPeople();
        s.post("/v1/collections/people/entities", "{\"entities\": [{\"key\": \"a\", \"type\": \"Person\", "
                + "\"vectors\": {\"emb\": [1, 0, 0]}}]}");
        s.get("/v1/collections/people/entities/a");
        Reply r = s.get("/v1/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text())
                .contains("hyperspatial_http_requests_total")
                .containsPattern("hyperspatial_http_requests_total\\{[^}]*method=\"upsert\",result=\"success\""
                        + ",service=\"io.hyperspatial.server.api.EntitiesService\"")
                .containsPattern("hyperspatial_http_request_duration_seconds")
                .contains("hyperspatial_collection_entities{collection=\"people\"}")
                .contains("hyperspatial_collection_last_sequence{collection=\"people\"} 2.0")
                .containsPattern("hyperspatial_index_vectors\\{collection=\"people\",field=\"emb\"\\}")
                .containsPattern("hyperspatial_index_backlog\\{collection=\"people\",field=\"emb\"\\}");
        s.delete("/v1/collections/people");
        assertThat(s.get("/v1/metrics").text()).doesNotContain("collection=\"people\"}");
    }
}
