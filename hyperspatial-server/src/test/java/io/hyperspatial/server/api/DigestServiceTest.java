package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DigestServiceTest extends SharedServer {
    private static final String DIGEST = "/v1/collections/people/digest";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void aChangeToOneEntityChangesOnlyItsBucketAndTheRoot() {
        createPeople();
        JsonNode empty = s.get(DIGEST).json();
        assertThat(empty.get("buckets")).hasSize(256);
        empty.get("buckets").forEach(b -> assertThat(b.asText()).isEqualTo(EMPTY_SHA256));

        StringBuilder batch = new StringBuilder("{\"entities\": [");
        for (int i = 0; i < 50; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"key\": \"k").append(i)
                    .append("\", \"type\": \"Person\", \"properties\": {\"age\": ").append(i).append("}}");
        }
        s.post("/v1/collections/people/entities", batch.append("]}").toString());
        JsonNode before = s.get(DIGEST).json();
        assertThat(before.get("entities").asLong()).isEqualTo(50);
        assertThat(s.get(DIGEST).json()).as("stable while nothing changes").isEqualTo(before);

        s.patch("/v1/collections/people/entities/k7", "{\"properties\": {\"name\": \"seven\"}}");
        JsonNode after = s.get(DIGEST).json();
        String id = s.get("/v1/collections/people/entities/k7").json().get("id").asText();
        int bucket = bucketOf(UUID.fromString(id));
        assertThat(changedBuckets(before, after)).containsExactly(bucket);
        assertThat(after.get("root").asText()).isNotEqualTo(before.get("root").asText());
        assertThat(after.get("covers_sequence").asLong()).isGreaterThan(before.get("covers_sequence").asLong());
    }

    @Test
    void anUnknownCollectionHasNoDigest() {
        Reply r = s.get("/v1/collections/nope/digest");
        assertThat(r.status()).isEqualTo(404);
    }

    private static int bucketOf(UUID id) {
        return (int) (id.getMostSignificantBits() >>> 56);
    }

    private static List<Integer> changedBuckets(JsonNode a, JsonNode b) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            if (!a.get("buckets").get(i).equals(b.get("buckets").get(i))) {
                changed.add(i);
            }
        }
        return changed;
    }
}
