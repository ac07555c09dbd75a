package io.hyperspatial.server.auth;

import io.hyperspatial.server.ServerConfig;
import io.hyperspatial.server.ServerConfigException;
import io.hyperspatial.server.TestServer;
import io.hyperspatial.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server with API keys: who may do what, and where a server may listen without keys. */
class AuthenticationTest {
    @TempDir static Path dir;
    static TestServer s;
    static String admin;
    static String writer;
    static String reader;

    @BeforeAll
    static void start() {
        Path keys = dir.resolve("keys");
        admin = ApiKeys.add(keys, Role.ADMIN, "admin");
        writer = ApiKeys.add(keys, Role.WRITE, "writer");
        reader = ApiKeys.add(keys, Role.READ, "reader");
        s = TestServer.start(dir.resolve("db"), ServerConfig.loopback(0).withApiKeys(ApiKeys.load(keys)));
        s.header("x-api-key", admin);
        s.post("/v1/collections", "{\"name\": \"c\", \"entity_types\": {\"T\": {}}, "
                + "\"vector_fields\": {\"v\": {\"dimension\": 2, \"metric\": \"l2\"}}}");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @BeforeEach
    void noKey() {
        s.clearHeaders();
    }

    @Test
    void withoutAKeyOnlyHealthAnswers() {
        assertThat(s.get("/v1/health").status()).isEqualTo(200);
        Reply r = s.get("/v1/collections");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("auth.missing_key");
        assertThat(s.get("/v1/metrics").status()).isEqualTo(401);
        s.header("x-api-key", "hs_guess");
        assertThat(s.get("/v1/collections").code()).isEqualTo("auth.unknown_key");
    }

    @Test
    void eachRoleMayDoItsOwnAndLowerOperations() {
        String upsert = "{\"entities\": [{\"key\": \"a\", \"type\": \"T\", \"vectors\": {\"v\": [1, 2]}}]}";
        String search = "{\"field\": \"v\", \"vector\": [1, 2]}";

        s.header("x-api-key", reader);
        assertThat(s.get("/v1/collections/c").status()).isEqualTo(200);
        assertThat(s.post("/v1/collections/c/search", search).status()).isEqualTo(200);
        assertThat(s.get("/v1/metrics").status()).isEqualTo(200);
        Reply denied = s.post("/v1/collections/c/entities", upsert);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("auth.forbidden");
        assertThat(denied.message()).contains("'write'").contains("'read'");

        s.clearHeaders();
        s.header("Authorization", "Bearer " + writer);
        assertThat(s.post("/v1/collections/c/entities", upsert).status()).isEqualTo(200);
        assertThat(s.get("/v1/collections/c/entities/a").status()).isEqualTo(200);
        assertThat(s.post("/v1/collections", "{\"name\": \"d\"}").status()).isEqualTo(403);
        assertThat(s.post("/v1/collections/c/freeze", null).status()).isEqualTo(403);
        assertThat(s.post("/v1/collections/c/compact", null).status()).isEqualTo(403);
        assertThat(s.delete("/v1/collections/c").status()).isEqualTo(403);

        s.clearHeaders();
        s.header("authorization", "bearer " + admin);
        assertThat(s.post("/v1/collections", "{\"name\": \"d\"}").status()).isEqualTo(201);
        assertThat(s.post("/v1/collections/d/compact", null).status()).isEqualTo(200);
        assertThat(s.delete("/v1/collections/d").status()).isEqualTo(200);
    }

    @Test
    void queriesNeedTheReadRoleAndChangesTheWriteRole() {
        String create = "{\"collection\": \"c\", \"query\": \"CREATE TABLE IF NOT EXISTS qt(x INTEGER)\"}";
        String insert = "{\"collection\": \"c\", \"query\": \"INSERT OR REPLACE INTO qt VALUES('k', 1)\"}";
        String select = "{\"collection\": \"c\", \"query\": \"SELECT count(*) FROM qt\"}";
        String explain = "{\"collection\": \"c\", \"query\": \"EXPLAIN DELETE FROM qt\"}";

        s.header("x-api-key", writer);
        assertThat(s.post("/v1/query", create).status()).isEqualTo(200);
        assertThat(s.post("/v1/query", insert).status()).isEqualTo(200);

        s.clearHeaders();
        s.header("x-api-key", reader);
        assertThat(s.post("/v1/query", select).status()).isEqualTo(200);
        assertThat(s.post("/v1/query", explain).status()).isEqualTo(200);
        Reply denied = s.post("/v1/query", insert);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("auth.forbidden");
        assertThat(s.post("/v1/query", create).status()).isEqualTo(403);
    }

    @Test
    void aServerRefusesToListenBeyondLoopbackWithoutKeys() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> ServerConfig.loopback(0).withBind(any))
                .isInstanceOf(ServerConfigException.class).hasMessageContaining("without API keys");
        assertThatThrownBy(() -> ServerConfig.loopback(0).withBind(InetAddress.getByName("10.1.2.3")))
                .isInstanceOf(ServerConfigException.class);
        assertThat(ServerConfig.loopback(0).withBind(InetAddress.getByName("127.0.0.2")).bind().isLoopbackAddress()).isTrue();
    }
}
