package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-positioning a collection over HTTP as a background job: start, follow, cancel, refuse bad requests. */
class PositionsServiceTest extends SharedServer {
    private static final String POSITIONS = "/v1/collections/taxa/positions";
    private static final String JOB = POSITIONS + "/job";

    /** Polls the job until it has ended (30 s at most) and returns its last status. */
    private static JsonNode awaitEnd() throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            Reply r = s.get(JOB);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            String state = r.json().get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return r.json();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the job did not end within 30 s: " + s.get(JOB));
    }

    @Test
    void aJobLearnsGraphPositionsThatSearchThenUses() throws InterruptedException {
        createTaxa();

        Reply started = s.post(POSITIONS, "{\"kind\": \"graph\", \"edge_types\": [\"is_a\"], \"dims\": 4, \"epochs\": 20}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("kind").asText()).isEqualTo("graph");
        JsonNode done = awaitEnd();

        assertThat(done.get("id").asText()).isEqualTo(started.json().get("id").asText());
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("result").get("entities").asInt()).isEqualTo(85);
        assertThat(done.get("result").get("dims").asInt()).isEqualTo(4);
        assertThat(done.get("written").asInt()).isEqualTo(85);
        Reply near = s.post("/v1/collections/taxa/search", "{\"field\": \"position.graph\", \"like\": \"t.2.1.3\","
                + " \"k\": 3, \"ef\": 100, \"wait_for_index\": true}");
        assertThat(near.status()).as(near.text()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        near.json().get("results").forEach(h -> keys.add(h.get("key").asText()));
        assertThat(keys).as("its three ancestors").containsExactlyInAnyOrder("t.2.1", "t.2", "t");

        Reply again = s.post(POSITIONS, "{}");
        assertThat(again.status()).as("an empty body re-learns the declared space: " + again.text()).isEqualTo(202);
        assertThat(awaitEnd().get("state").asText()).isEqualTo("succeeded");
    }

    @Test
    void aRunningJobRefusesASecondAndStopsWhenCancelled() throws InterruptedException {
        createTaxa();
        Reply started = s.post(POSITIONS, "{\"edge_types\": [\"is_a\"], \"dims\": 4, \"epochs\": 10000}");
        assertThat(started.status()).as(started.text()).isEqualTo(202);

        Reply second = s.post(POSITIONS, "{\"edge_types\": [\"is_a\"], \"dims\": 4}");
        assertThat(second.status()).as(second.text()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("positioning.job_running");

        Reply cancel = s.delete(JOB);
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        assertThat(awaitEnd().get("state").asText()).isEqualTo("cancelled");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingRuns() {
        createTaxa();
        assertThat(s.post(POSITIONS, "{\"kind\": \"nope\"}").message()).contains("graph, embedding or property");
        Reply noTypes = s.post(POSITIONS, "{\"kind\": \"graph\"}");
        assertThat(noTypes.status()).isEqualTo(400);
        assertThat(noTypes.message()).contains("declares no graph positions");
        Reply unknownType = s.post(POSITIONS, "{\"edge_types\": [\"part_of\"]}");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.message()).contains("no edge type 'part_of'");
        Reply noField = s.post(POSITIONS, "{\"kind\": \"embedding\"}");
        assertThat(noField.status()).isEqualTo(400);
        assertThat(noField.message()).contains("need the dense vector field");
        assertThat(s.post(POSITIONS, "{\"dims\": 0, \"edge_types\": [\"is_a\"]}").status()).isEqualTo(400);
        assertThat(s.post("/v1/collections/nope/positions", "{}").status()).isEqualTo(404);

        Reply none = s.get(JOB);
        assertThat(none.status()).as("nothing was queued: " + none.text()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("positioning.no_job");
    }
}
