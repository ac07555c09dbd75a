package io.hyperspatial.server.ws;

import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.auth.ApiKeys;
import io.hyperspatial.server.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Change-feed sockets on a server with API keys: the key as a header or {@code ?api_key=}, any origin. */
class ChangeFeedSocketAuthTest {
    private static final String FEED = "/v1/collections/c/changes";
    @TempDir static Path dir;
    static TestServer s;
    static String admin;
    static String reader;

    @BeforeAll
    static void start() {
        Path keys = dir.resolve("keys");
        admin = ApiKeys.add(keys, Role.ADMIN, "admin");
        reader = ApiKeys.add(keys, Role.READ, "reader");
        s = TestServer.start(dir.resolve("db"), ServerConfig.loopback(0).withApiKeys(ApiKeys.load(keys)));
        s.header("x-api-key", admin);
        s.post("/v1/collections", "{\"name\": \"c\", \"entity_types\": {\"T\": {}}}");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static long write(String key) {
        return s.clearHeaders().header("x-api-key", admin).post("/v1/collections/c/entities", "{\"entities\": [{\"key\": \"" + key + "\", \"type\": \"T\"}]}")
                .json().get("sequence").asLong();
    }

    @Test
    void withoutAKnownKeyTheHandshakeIsRefused() {
        FeedClient.RefusedHandshake none = catchThrowableOfType(FeedClient.RefusedHandshake.class,
                () -> FeedClient.connect(s.server().port(), FEED));
        assertThat(none.status).isEqualTo(401);
        assertThat(none.body).contains("auth.missing_key");
        FeedClient.RefusedHandshake guess = catchThrowableOfType(FeedClient.RefusedHandshake.class,
                () -> FeedClient.connect(s.server().port(), FEED + "?api_key=hs_guess"));
        assertThat(guess.status).isEqualTo(401);
        assertThat(guess.body).contains("auth.unknown_key");
    }

    @Test
    void aReadKeyInTheQueryOrAHeaderFollowsTheFeedFromAnyOrigin() throws Exception {
        try (FeedClient query = FeedClient.connect(s.server().port(), FEED + "?api_key=" + reader, "Origin", "https://dash.example");
             FeedClient header = FeedClient.connect(s.server().port(), FEED, "x-api-key", reader)) {
            long sequence = write("k");
            assertThat(query.take(1).getFirst().get("sequence").asLong()).isEqualTo(sequence);
            assertThat(header.take(1).getFirst().get("sequence").asLong()).isEqualTo(sequence);
        }
    }

    @Test
    void theQueryKeyIsOnlyTakenOnAWebSocketHandshake() {
        assertThat(s.clearHeaders().get("/v1/collections?api_key=" + reader).status()).isEqualTo(401);
    }
}
