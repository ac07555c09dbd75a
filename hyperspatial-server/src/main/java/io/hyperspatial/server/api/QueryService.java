package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.operation.HyperQlQueries;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/query}: one HyperQL statement against a collection.
 * <pre>{@code
 * {"collection": "shop", "query": "SELECT key, price FROM item WHERE price < $max", "params": {"max": 10}}
 * -> {"columns": ["key", "price"], "rows": [["i1", 9.5]], "rows_affected": 0, "elapsed_ms": 0.41}
 * }</pre>
 * Roles, frozen collections, one engine per collection, timeouts ({@code timeout_ms}) and
 * cancel are {@link HyperQlQueries}'. Parameters: JSON numbers, strings, booleans (1/0), null,
 * and arrays of numbers (vectors). Blobs come back as hex text, vectors as arrays. A failing
 * statement is a 400 with its HyperQL code and, where known, {@code line} and {@code column};
 * a stopped one ({@code HQL_TIMEOUT}, {@code HQL_CANCELLED}) a 503. Runs on the blocking
 * executor; thread-safe.
 */
@Blocking
public final class QueryService {
    private final HyperQlQueries queries;

    public QueryService(HyperQlQueries queries) {
        this.queries = queries;
    }

    @Post("/v1/query")
    @RequiresRole(Role.READ)
    public HttpResponse query(ServiceRequestContext ctx, AggregatedHttpRequest request) {
        JsonInput body = Json.body(request);
        String name = body.required("collection").name();
        String sql = body.required("query").string();
        Map<String, Object> params = parameters(body.get("params"));
        JsonInput timeout = body.get("timeout_ms");
        HyperQlQueries.Outcome outcome = queries.run(ctx, ctx.attr(Authenticator.ROLE), name, sql, params,
                timeout.present() ? timeout.integer() : null, "timeout_ms");
        ObjectNode out = Json.object();
        ArrayNode columns = out.putArray("columns");
        ArrayNode rows = out.putArray("rows");
        long affected = 0;
        switch (outcome.result()) {
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
        out.put("elapsed_ms", outcome.elapsedMs());
        return Json.ok(out);
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
