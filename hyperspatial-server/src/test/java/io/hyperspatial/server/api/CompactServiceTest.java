package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.StorageLayout;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static io.hyperspatial.server.api.CosinePoints.randomVector;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/collections/{c}/compact}: the collection's tables end as one sorted run each,
 * with every entity, edge and search answer as before; unknown collections are 404. (Roles: see
 * {@code AuthenticationTest}.)
 */
class CompactServiceTest extends SharedServer {
    private static final int N = 200;
    private static final int DIM = 8;
    private static final String ENTITIES = "/v1/collections/points/entities";

    /** Collection "points": N entities p0… with a random vector, a property and an edge to another, some deleted. */
    private static void createPoints(Random random) {
        Reply created = s.post("/v1/collections", "{\"name\": \"points\", \"entity_types\": {\"P\": {\"n\": \"int64\"}},"
                + " \"vector_fields\": {\"emb\": {\"dimension\": " + DIM + ", \"metric\": \"cosine\"}},"
                + " \"edge_types\": [\"near\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            entities.add(String.format(Locale.ROOT, "{\"key\": \"p%d\", \"type\": \"P\", \"properties\": {\"n\": %d},"
                            + " \"vectors\": {\"emb\": %s}, \"edges\": [{\"type\": \"near\", \"to\": \"p%d\"}]}",
                    i, random.nextInt(1000), Arrays.toString(randomVector(random, DIM)), random.nextInt(N)));
        }
        Reply r = s.post(ENTITIES, "{\"entities\": [" + String.join(",", entities) + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (int i = 0; i < N; i += 17) {
            assertThat(s.delete(ENTITIES + "/p" + i).status()).isEqualTo(200);
        }
    }

    @Test
    void compactionLeavesOneRunPerTableAndEveryAnswerAsBefore() {
        createPoints(new Random(5));
        List<String> before = everything();
        assertThat(StorageLayout.memtableEntries(s, "points", ColumnFamilies.ENTITIES)).as("the writes are still in the memtable").isPositive();

        Reply r = s.post("/v1/collections/points/compact", null);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("collection").asText()).isEqualTo("points");
        assertThat(r.json().get("seconds").asDouble()).isNotNegative();
        assertThat(r.json().get("disk_bytes_before").asLong()).isPositive();
        assertThat(r.json().get("disk_bytes_after").asLong()).isPositive();
        for (String family : List.of(ColumnFamilies.ENTITIES, ColumnFamilies.PROPERTIES, ColumnFamilies.EDGES_OUT)) {
            assertThat(StorageLayout.memtableEntries(s, "points", family)).as(family).isZero();
            assertThat(StorageLayout.level0Files(s, "points", family)).as(family).isZero();
        }
        assertThat(everything()).isEqualTo(before);

        Reply write = s.post(ENTITIES, "{\"entities\": [{\"key\": \"late\", \"type\": \"P\"}]}");
        assertThat(write.status()).as("writes go on afterwards").isEqualTo(200);
        assertThat(s.get(ENTITIES + "/late").status()).isEqualTo(200);
    }

    @Test
    void aFrozenCollectionMayBeCompactedAndStaysFrozen() {
        createPoints(new Random(6));
        assertThat(s.post("/v1/collections/points/freeze", null).status()).isEqualTo(200);

        Reply r = s.post("/v1/collections/points/compact", null);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(s.get("/v1/collections/points").json().get("frozen").asBoolean()).isTrue();
        assertThat(s.get(ENTITIES + "/p1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownOrDroppedCollectionIs404() {
        Reply unknown = s.post("/v1/collections/nowhere/compact", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("collection.not_found");

        createPoints(new Random(7));
        assertThat(s.delete("/v1/collections/points").status()).isEqualTo(200);
        Reply dropped = s.post("/v1/collections/points/compact", null);
        assertThat(dropped.status()).isEqualTo(404);
        assertThat(dropped.code()).isEqualTo("collection.not_found");
    }

    /** Every entity with its vectors, its outgoing edges and the answers to 20 seeded searches, as text. */
    private static List<String> everything() {
        Random random = new Random(50);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Reply e = s.get(ENTITIES + "/p" + i + "?vectors=true");
            out.add(e.status() + " " + e.text());
            out.add(s.get(ENTITIES + "/p" + i + "/edges?direction=out").text());
        }
        for (int q = 0; q < 20; q++) {
            JsonNode hits = s.post("/v1/collections/points/search", "{\"field\": \"emb\", \"k\": 5, \"wait_for_index\": true,"
                    + " \"vector\": " + Arrays.toString(randomVector(random, DIM)) + "}").json().get("results");
            out.add(hits.toString());
        }
        return out;
    }
}
