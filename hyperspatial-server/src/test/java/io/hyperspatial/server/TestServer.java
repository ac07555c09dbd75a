package io.hyperspatial.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.server.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server on an ephemeral loopback port over a database in a test directory, and a small JSON
 * client for it (java.net.http over a real socket). Close it to stop the server and the database.
 * Stopping takes about two seconds (Netty's quiet period), so test classes share one server and
 * {@link #reset} it between tests.
 */
public final class TestServer implements AutoCloseable {
    private final HyperspatialServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** The reply to one request. */
    public record Reply(int status, String text, JsonNode json) {
        /** The error code of an error reply. */
        public String code() {
            return json.path("error").path("code").asText();
        }

        public String message() {
            return json.path("error").path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private TestServer(HyperspatialServer server) {
        this.server = server;
    }

    public static TestServer start(Path dir) {
        return start(dir, ServerConfig.loopback(0));
    }

    public static TestServer start(Path dir, ServerConfig config) {
        return start(dir, config, DatabaseOptions.preset(StoragePreset.SMALL));
    }

    public static TestServer start(Path dir, ServerConfig config, DatabaseOptions options) {
        return new TestServer(HyperspatialServer.start(HyperspatialDatabase.open(dir, options), config));
    }

    public HyperspatialServer server() {
        return server;
    }

    /** Sends this header with every later request (e.g. an API key). */
    public TestServer header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("content-type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = null;
            String type = r.headers().firstValue("content-type").orElse("");
            if (type.startsWith("application/json")) {
                node = Json.MAPPER.readTree(r.body());
            }
            return new Reply(r.statusCode(), r.body(), node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the headers set with {@link #header}. */
    public TestServer clearHeaders() {
        headers.clear();
        return this;
    }

    /** Unfreezes and drops every collection through the API, so that tests sharing a server start empty. */
    public void reset() {
        for (JsonNode c : get("/v1/collections").json().get("collections")) {
            String name = c.get("name").asText();
            post("/v1/collections/" + name + "/unfreeze", null);
            delete("/v1/collections/" + name);
        }
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }
}
