package io.hyperspatial.cli.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.cli.CommandFailure;
import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.cli.schema.CollectionSchemas;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.value.Vector;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Statements sent one at a time to a server's {@code POST /v1/query} (the JDK's HTTP client,
 * JSON through Jackson), the schema read from {@code GET /v1/collections/{c}}. An API key, when
 * given, goes in the {@code x-api-key} header. The server's error answers become
 * {@link StatementFailure}s with its code and position; a server that cannot be reached is a
 * {@link CommandFailure}. Values come back as the server sends them: numbers, text (blobs as hex),
 * vectors as {@link Vector}s. Not thread-safe.
 */
public final class RemoteRunner implements StatementRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CANCEL_POLL_MILLIS = 100;

    private final URI base;
    private final String collection;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * A runner for {@code collection} on the server at {@code url} ({@code http://host:port}, any
     * path after it is ignored); {@code apiKey} may be null.
     *
     * @throws CommandFailure when the URL is not an http(s) URL with a host
     */
    public RemoteRunner(String url, String collection, String apiKey) {
        this.base = base(url);
        this.collection = collection;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    @Override
    public StatementResult run(String sql, Map<String, Object> parameters, StatementControl control) {
        ObjectNode body = JSON.createObjectNode();
        body.put("collection", collection);
        body.put("query", sql);
        body.set("params", JSON.valueToTree(parameters));
        HttpRequest.Builder request = request("/v1/query").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return result(send(request, control));
    }

    @Override
    public CollectionSchema schema() {
        JsonNode description = send(request("/v1/collections/" + URLEncoder.encode(collection, StandardCharsets.UTF_8)
                .replace("+", "%20")).GET());
        return CollectionSchemas.fromJson(collection, description.path("schema"));
    }

    @Override
    public String target() {
        return "collection '" + collection + "' at " + display();
    }

    /** The server's URL as people write it, without the trailing slash. */
    private String display() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        http.close();
    }

    /** What a successful {@code POST /v1/query} answered, as the engine would have returned it. */
    static StatementResult result(JsonNode body) {
        if (body.hasNonNull("schema_change")) {
            return new StatementResult.SchemaChange(body.get("schema_change").asText());
        }
        JsonNode columns = body.path("columns");
        if (columns.isEmpty()) {
            return new StatementResult.Count(body.path("rows_affected").asLong());
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : body.path("rows")) {
            List<Object> values = new ArrayList<>(names.size());
            row.forEach(v -> values.add(value(v)));
            rows.add(values);
        }
        return new StatementResult.Rows(names, rows);
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1L : 0L;
        }
        if (v.isArray()) {
            float[] components = new float[v.size()];
            for (int i = 0; i < components.length; i++) {
                components[i] = (float) v.get(i).doubleValue();
            }
            return new Vector(components);
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("accept", "application/json");
        if (apiKey != null) {
            b.header("x-api-key", apiKey);
        }
        return b;
    }

    /** Sends a request and returns its JSON answer; an error answer is thrown as a {@link StatementFailure}. */
    private JsonNode send(HttpRequest.Builder request) {
        return send(request, null);
    }

    /**
     * Sends a request and returns its JSON answer, abandoning it (which closes its connection,
     * and so makes the server stop the statement) when {@code control} is cancelled meanwhile.
     */
    private JsonNode send(HttpRequest.Builder request, StatementControl control) {
        HttpResponse<String> response;
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            response = await(pending, control);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause.getMessage() != null ? cause.getMessage()
                    : cause instanceof ConnectException ? "connection refused" : cause.getClass().getSimpleName();
            throw new CommandFailure("cannot reach the server at " + display() + ": " + why);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while waiting for the server at " + base);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (response.statusCode() / 100 == 2 && body != null) {
            return body;
        }
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || !error.has("code")) {
            String text = response.body().strip();
            throw new StatementFailure("http." + response.statusCode(), "the server at " + display() + " answered "
                    + response.statusCode() + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)), null);
        }
        SourcePosition position = error.has("line") && error.has("column")
                ? new SourcePosition(error.get("line").asInt(), error.get("column").asInt()) : null;
        throw new StatementFailure(error.get("code").asText(), error.path("message").asText(), position);
    }

    /** The response, looking at {@code control} every tenth of a second while it is awaited. */
    private static HttpResponse<String> await(CompletableFuture<HttpResponse<String>> pending, StatementControl control)
            throws ExecutionException, InterruptedException {
        while (true) {
            if (control != null && control.cancelled()) {
                pending.cancel(true);
                throw new StatementFailure(ErrorCode.HQL_CANCELLED.code(), "the statement was cancelled", null);
            }
            try {
                return pending.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // look at the control again
            }
        }
    }

    private static URI base(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new CommandFailure("--url must be an http:// or https:// URL with a host, like http://127.0.0.1:7701; got '" + url + "'");
            }
            return new URI(scheme.toLowerCase(java.util.Locale.ROOT), null, uri.getHost(), uri.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new CommandFailure("--url is not a URL: " + e.getMessage());
        }
    }
}
