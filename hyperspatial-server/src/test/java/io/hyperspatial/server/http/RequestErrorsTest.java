package io.hyperspatial.server.http;

import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.SharedServer;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests the server must refuse cleanly: a JSON error with a stable code, never a stack trace. */
class RequestErrorsTest extends SharedServer {
    private static final String ENTITIES = "/v1/collections/people/entities";

    @Test
    void malformedJsonIsA400NamingLineAndColumn() {
        createPeople();
        Reply r = s.post(ENTITIES, "{\"entities\": [\n  {\"key\": \"a\",, \"type\": \"Person\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("request.malformed_json");
        assertThat(r.json().at("/error/line").asInt()).isEqualTo(2);
        assertThat(r.json().at("/error/column").asInt()).isPositive();
        assertThat(r.message()).startsWith("malformed JSON at line 2");
        assertClean(r);
    }

    @Test
    void nonStandardJsonDuplicateKeysTrailingContentAndWrongShapesAreRefused() {
        createPeople();
        assertThat(s.post(ENTITIES, "{\"entities\": [{\"key\": \"a\", \"type\": \"Person\", \"vectors\": {\"emb\": [NaN, 1, 0]}}]}")
                .code()).isEqualTo("request.malformed_json");
        assertThat(s.post(ENTITIES, "{\"entities\": [], \"entities\": []}").code()).isEqualTo("request.malformed_json");
        assertThat(s.post(ENTITIES, "{\"entities\": [{\"key\": \"a\", \"type\": \"Person\"}]} trailing").code())
                .isEqualTo("request.malformed_json");
        Reply notObject = s.post(ENTITIES, "[1, 2]");
        assertThat(notObject.code()).isEqualTo("request.invalid");
        Reply notArray = s.post(ENTITIES, "{\"entities\": {\"key\": \"a\"}}");
        assertThat(notArray.json().at("/error/field").asText()).isEqualTo("entities");
        assertThat(s.post(ENTITIES, "{\"entities\": []}").json().at("/error/field").asText()).isEqualTo("entities");
        assertThat(s.post(ENTITIES, "").code()).isEqualTo("request.invalid");
        assertThat(s.post(ENTITIES, "{\"entities\": [\"ann\"]}").json().at("/error/field").asText()).isEqualTo("entities[0]");
        assertClean(notObject);
        assertClean(notArray);
    }

    @Test
    void unknownRoutesAndMethodsHaveJsonErrors() {
        Reply none = s.get("/v1/nothing");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("request.no_route");
        Reply method = s.delete("/v1/health");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.code()).isEqualTo("request.method_not_allowed");
    }

    @Test
    void aBodyOverTheLimitIsA413AndTheServerGoesOn(@TempDir Path other) {
        try (TestServer small = TestServer.start(other, ServerConfig.loopback(0).withMaxRequestBytes(1024))) {
            small.post("/v1/collections", "{\"name\": \"c\", \"entity_types\": {\"T\": {\"s\": \"string\"}}}");
            String big = "{\"entities\": [{\"key\": \"a\", \"type\": \"T\", \"properties\": {\"s\": \"" + "x".repeat(4000) + "\"}}]}";
            Reply r = small.post("/v1/collections/c/entities", big);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.code()).isEqualTo("request.too_large");
            assertClean(r);
            assertThat(small.get("/v1/collections/c/entities/a").status()).isEqualTo(404);
            assertThat(small.post("/v1/collections/c/entities", "{\"entities\": [{\"key\": \"a\", \"type\": \"T\"}]}").status())
                    .isEqualTo(200);
        }
    }

    private static void assertClean(Reply r) {
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.");
    }
}
