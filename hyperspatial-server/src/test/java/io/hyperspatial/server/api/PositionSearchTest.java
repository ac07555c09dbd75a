package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.WriteProgress;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Searching by learned graph position over HTTP, and new entities placed as they are written. */
class PositionSearchTest extends SharedServer {
    private static final String SEARCH = "/v1/collections/taxa/search";

    private static void learn() {
        Collection taxa = s.server().database().collection("taxa");
        GraphPositioner.declare(taxa, 4, List.of("is_a"));
        GraphPositioner.learn(taxa, EmbeddingConfig.defaults().withThreads(2).withEpochs(20), ProgressListener.NONE,
                1_000, WriteProgress.NONE);
    }

    private static List<String> keys(Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode h : r.json().get("results")) {
            keys.add(h.get("key").asText());
        }
        return keys;
    }

    @Test
    void anEntitysNearestByGraphPositionAreItsAncestorsAndNearestRelatives() {
        createTaxa();
        learn();

        List<String> near = keys(s.post(SEARCH, "{\"field\": \"position.graph\", \"like\": \"t.2.1.3\", \"k\": 3,"
                + " \"ef\": 100, \"wait_for_index\": true}"));

        assertThat(near).as("its three ancestors").containsExactlyInAnyOrder("t.2.1", "t.2", "t");
    }

    @Test
    void anEntityWrittenUnderAPositionedParentIsPlacedAndFound() throws InterruptedException {
        createTaxa();
        learn();

        Reply w = s.post("/v1/collections/taxa/entities", "{\"entities\": [{\"key\": \"t.1.3.new\", \"type\": \"Taxon\","
                + " \"edges\": [{\"type\": \"is_a\", \"to\": \"t.1.3\"}]}]}");
        assertThat(w.status()).as(w.text()).isEqualTo(200);

        String query = "{\"field\": \"position.graph\", \"like\": \"t.1.3.new\", \"k\": 3, \"ef\": 100,"
                + " \"wait_for_index\": true}";
        Reply r = s.post(SEARCH, query);
        for (int attempt = 0; attempt < 200 && r.status() == 400 && r.message().contains("has no position"); attempt++) {
            Thread.sleep(10);
            r = s.post(SEARCH, query);
        }
        assertThat(keys(r)).as("placed below its parent: its nearest are its ancestors")
                .containsExactlyInAnyOrder("t.1.3", "t.1", "t");
    }

    @Test
    void aPositionSearchWithoutPositionsNamesWhatIsMissing() {
        createTaxa();
        Reply r = s.post(SEARCH, "{\"field\": \"position.graph\", \"like\": \"t.1\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.message()).contains("no position space 'graph'");
    }
}
