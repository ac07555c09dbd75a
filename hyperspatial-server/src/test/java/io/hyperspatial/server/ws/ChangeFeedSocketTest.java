package io.hyperspatial.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The change feed as a WebSocket over a real socket: order, resuming, refused handshakes. */
class ChangeFeedSocketTest extends SharedServer {
    private static final String FEED = "/v1/collections/people/changes";

    /** Upserts the keys in one batch over HTTP and returns the sequence it committed at. */
    private static long upsert(String... keys) {
        List<String> items = new ArrayList<>();
        for (String k : keys) {
            items.add("{\"key\": \"" + k + "\", \"type\": \"Person\", \"properties\": {\"name\": \"" + k + "\"}}");
        }
        Reply r = s.post("/v1/collections/people/entities?durability=async", "{\"entities\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("sequence").asLong();
    }

    private static List<Long> sequences(List<JsonNode> events) {
        return events.stream().map(e -> e.get("sequence").asLong()).toList();
    }

    @Test
    void eventsArriveInOrderWithKeysAndFlags() throws Exception {
        createPeople();
        try (FeedClient feed = FeedClient.connect(s.server().port(), FEED)) {
            long first = upsert("ann", "bob");
            long second = upsert("ann");
            Reply deleted = s.delete("/v1/collections/people/entities/bob");
            List<JsonNode> events = feed.take(3);
            assertThat(sequences(events)).containsExactly(first, second, deleted.json().get("sequence").asLong());

            JsonNode created = events.getFirst();
            assertThat(created.get("time_millis").asLong()).isPositive();
            assertThat(created.get("changes")).hasSize(2);
            assertThat(created.at("/changes/0/key").asText()).isEqualTo("ann");
            assertThat(created.at("/changes/0/flags").toString()).contains("\"created\"", "\"properties\"");
            assertThat(events.get(1).at("/changes/0/flags").toString()).doesNotContain("created");
            assertThat(events.get(2).at("/changes/0/flags").toString()).contains("\"deleted\"");
            assertThat(events.get(2).at("/changes/0/key").isNull()).isTrue();
            assertThat(feed.quietFor(200)).isTrue();
        }
    }

    @Test
    void resumingAfterTheLastSequenceLosesNothing() throws Exception {
        createPeople();
        long start = s.get("/v1/collections/people").json().at("/stats/last_sequence").asLong();
        List<Long> written = new ArrayList<>();
        long last;
        try (FeedClient feed = FeedClient.connect(s.server().port(), FEED + "?after=" + start)) {
            for (int i = 0; i < 5; i++) {
                written.add(upsert("a" + i));
            }
            List<JsonNode> seen = feed.take(3);
            last = seen.getLast().get("sequence").asLong();
        }
        for (int i = 5; i < 10; i++) {
            written.add(upsert("a" + i));
        }
        List<Long> expected = written.stream().filter(q -> q > last).toList();
        try (FeedClient feed = FeedClient.connect(s.server().port(), FEED + "?after=" + last)) {
            assertThat(sequences(feed.take(expected.size()))).containsExactlyElementsOf(expected);
            assertThat(feed.quietFor(200)).isTrue();
        }
        try (FeedClient all = FeedClient.connect(s.server().port(), FEED + "?after=" + start)) {
            assertThat(sequences(all.take(written.size()))).containsExactlyElementsOf(written);
        }
    }

    @Test
    void badHandshakesAreRefusedWithTheHttpApisErrors() {
        createPeople();
        FeedClient.RefusedHandshake missing = catchThrowableOfType(FeedClient.RefusedHandshake.class,
                () -> FeedClient.connect(s.server().port(), "/v1/collections/nope/changes"));
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.body).contains("collection.not_found");
        FeedClient.RefusedHandshake after = catchThrowableOfType(FeedClient.RefusedHandshake.class,
                () -> FeedClient.connect(s.server().port(), FEED + "?after=soon"));
        assertThat(after.status).isEqualTo(400);
        assertThat(after.body).contains("request.invalid", "after");
    }

    @Test
    void withoutApiKeysOnlyPagesOfTheServersOwnOriginMayConnect() throws Exception {
        createPeople();
        int port = s.server().port();
        FeedClient.RefusedHandshake foreign = catchThrowableOfType(FeedClient.RefusedHandshake.class,
                () -> FeedClient.connect(port, FEED, "Origin", "https://evil.example"));
        assertThat(foreign.status).isEqualTo(403);
        assertThat(foreign.body).contains("auth.forbidden");
        try (FeedClient own = FeedClient.connect(port, FEED, "Origin", "http://127.0.0.1:" + port)) {
            long sequence = upsert("ann");
            assertThat(sequences(own.take(1))).containsExactly(sequence);
        }
    }

    @Test
    void aResumePointTheFeedNoLongerHoldsIsGone(@TempDir Path dir) throws Exception {
        DatabaseOptions options = DatabaseOptions.preset(StoragePreset.SMALL).withChangeRetention(2);
        try (TestServer small = TestServer.start(dir, ServerConfig.loopback(0), options)) {
            small.post("/v1/collections", "{\"name\": \"c\", \"entity_types\": {\"T\": {}}}");
            for (int i = 0; i < 6; i++) {
                small.post("/v1/collections/c/entities", "{\"entities\": [{\"key\": \"k" + i + "\", \"type\": \"T\"}]}");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (small.server().database().collection("c").changes().oldestResumable() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            FeedClient.RefusedHandshake gone = catchThrowableOfType(FeedClient.RefusedHandshake.class,
                    () -> FeedClient.connect(small.server().port(), "/v1/collections/c/changes?after=1"));
            assertThat(gone.status).isEqualTo(410);
            assertThat(gone.body).contains("feed.truncated");
        }
    }

    @Test
    void theSocketOutlivesTheRequestTimeout(@TempDir Path dir) throws Exception {
        ServerConfig config = new ServerConfig(ServerConfig.loopback(0).bind(), 0, null, ServerConfig.DEFAULT_MAX_REQUEST_BYTES,
                ServerConfig.DEFAULT_MAX_IMPORT_BYTES, Duration.ofMillis(500), ServerConfig.DEFAULT_DRAIN_TIMEOUT);
        try (TestServer quick = TestServer.start(dir, config)) {
            quick.post("/v1/collections", "{\"name\": \"c\", \"entity_types\": {\"T\": {}}}");
            try (FeedClient feed = FeedClient.connect(quick.server().port(), "/v1/collections/c/changes")) {
                Thread.sleep(1_500);
                quick.post("/v1/collections/c/entities", "{\"entities\": [{\"key\": \"k\", \"type\": \"T\"}]}");
                assertThat(feed.take(1).getFirst().at("/changes/0/key").asText()).isEqualTo("k");
                assertThat(feed.closed).isNotDone();
            }
        }
    }
}
