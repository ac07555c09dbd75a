package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.query.CollectionDataSource;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.PreparedStatement;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /v1/query}: one HyperQL statement against a collection.
 * <pre>{@code
 * {"collection": "shop", "query": "SELECT key, price FROM item WHERE price < $max", "params": {"max": 10}}
 * -> {"columns": ["key", "price"], "rows": [["i1", 9.5]], "rows_affected": 0, "elapsed_ms": 0.41}
 * }</pre>
 * Queries and EXPLAIN need the {@code read} role, everything else (DML, DDL) {@code write}, and
 * writes are refused on a frozen collection. Parameters: JSON numbers, strings, booleans (1/0),
 * null, and arrays of numbers (vectors). Blobs come back as hex text, vectors as arrays. A
 * failing statement is a 400 with its HyperQL code and, where known, {@code line} and
 * {@code column}. Each collection has one {@link Engine}, so its plan cache serves every client;
 * statements on one collection run one at a time.
 *
 * <p>A statement is stopped ({@code HQL_TIMEOUT}, 503) once the server's request timeout has
 * passed since the request arrived, or sooner when the body asks for it with {@code timeout_ms};
 * it is cancelled when the client goes away, so a runaway query does not hold its collection.
 * A stopped statement changed nothing. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class QueryService {
    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;
    private final Map<String, Engine> engines = new ConcurrentHashMap<>();

    public QueryService(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    @Post("/v1/query")
    @RequiresRole(Role.READ)
    public HttpResponse query(ServiceRequestContext ctx, AggregatedHttpRequest request) {
        JsonInput body = Json.body(request);
        String name = body.required("collection").name();
        String sql = body.required("query").string();
        Map<String, Object> params = parameters(body.get("params"));
        StatementControl control = control(ctx, body.get("timeout_ms"));
        ctx.whenRequestCancelling().thenRun(control::cancel);
        long started = System.nanoTime();
        Engine engine = engine(name);
        PreparedStatement statement = engine.prepare(sql);
        StatementResult result;
        if (statement.readOnly()) {
            result = statement.execute(params, control);
        } else {
            Role role = ctx.attr(Authenticator.ROLE);
            if (role == null || !role.includes(Role.WRITE)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ApiException.FORBIDDEN, "this statement changes data or"
                        + " schema and needs the 'write' role; the API key has '" + (role == null ? "none" : role.displayName()) + "'");
            }
            result = frozen.write(name, () -> statement.execute(params, control));
        }
        ObjectNode out = Json.object();
        ArrayNode columns = out.putArray("columns");
        ArrayNode rows = out.putArray("rows");
        long affected = 0;
        switch (result) {
            case StatementResult.Rows r -> {
                r.columns().forEach(columns::add);
                for (List<Object> row : r.rows()) {
                    ArrayNode values = rows.addArray();
                    row.forEach(v -> values.add(json(v)));
                }
            }
            case StatementResult.Count c -> affected = c.changed();
            case StatementResult.SchemaChange s -> out.put("schema_change", s.description());
        }
        out.put("rows_affected", affected);
        out.put("elapsed_ms", (System.nanoTime() - started) / 1e6);
        return Json.ok(out);
    }

    /** The collection's engine; a new one if the collection was dropped and created again meanwhile. */
    private Engine engine(String name) {
        Collection c = db.collection(name);
        return engines.compute(name, (n, existing) -> existing != null
                && ((CollectionDataSource) existing.source()).collection() == c ? existing
                : new Engine(new CollectionDataSource(c, () -> db.indexer(n), Durability.STRICT)));
    }

    /**
     * The statement's stop: the request's own timeout (counted from its arrival), or the shorter
     * {@code timeout_ms} the body asks for; only a cancel when the server has no request timeout.
     */
    private static StatementControl control(ServiceRequestContext ctx, JsonInput timeoutMs) {
        long serverMs = ctx.requestTimeoutMillis();
        int askedMs = timeoutMs.intIn(1, serverMs <= 0 || serverMs > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) serverMs, 0);
        if (askedMs > 0) {
            return StatementControl.withTimeout(Duration.ofMillis(askedMs));
        }
        if (serverMs <= 0) {
            return StatementControl.cancellable();
        }
        long leftNanos = Duration.ofMillis(serverMs).toNanos() - (System.nanoTime() - ctx.log().partial().requestStartTimeNanos());
        return StatementControl.withTimeout(Duration.ofNanos(Math.max(1, leftNanos)));
    }

    private static Map<String, Object> parameters(JsonInput params) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!params.present() || params.isNull()) {
            return out;
        }
        params.requireObject().members().forEach((name, value) -> out.put(name, parameter(value)));
        return out;
    }

    private static Object parameter(JsonInput value) {
        JsonNode n = value.node();
        if (n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isArray()) {
            return value.floats();
        }
        throw value.invalid("a parameter is a number, a string, a boolean, null or an array of numbers");
    }

    private static JsonNode json(Object value) {
        return switch (value) {
            case null -> Json.MAPPER.nullNode();
            case Long l -> Json.MAPPER.getNodeFactory().numberNode(l);
            case Double d -> Double.isFinite(d) ? Json.MAPPER.getNodeFactory().numberNode(d)
                    : Json.MAPPER.getNodeFactory().textNode(d.toString());
            case String s -> Json.MAPPER.getNodeFactory().textNode(s);
            case Blob b -> Json.MAPPER.getNodeFactory().textNode(HexFormat.of().formatHex(b.bytes()));
            case Vector v -> {
                ArrayNode a = Json.MAPPER.createArrayNode();
                for (float f : v.components()) {
                    a.add(f);
                }
                yield a;
            }
            default -> Json.MAPPER.getNodeFactory().textNode(value.toString());
        };
    }
}
