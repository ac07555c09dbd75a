package io.hyperspatial.server.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.manifold.value.InstantText;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import io.hyperspatial.server.http.JsonInput;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Property values in JSON. Reading is guided by the declared type: {@code int64} takes integers,
 * {@code float64} any number, {@code timestamp} an ISO-8601 instant string
 * ({@code 2026-01-02T03:04:05Z}), {@code bytes} a base64 string; {@code list} and {@code map}
 * take arrays and objects whose members are typed by their JSON form (integer, number, string,
 * boolean, array, object). JSON null is {@link Value#NULL} (which removes a property). Writing is
 * the inverse. Stateless.
 */
public final class ValueJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueJson() {
    }

    /** The value of {@code in} for a property declared as {@code type}. */
    public static Value read(JsonInput in, ValueType type) {
        if (in.isNull()) {
            return Value.NULL;
        }
        return switch (type) {
            case BOOL -> Value.of(in.bool());
            case INT64 -> Value.of(in.integer());
            case FLOAT64 -> Value.of(in.number());
            case STRING -> Value.of(in.string());
            case BYTES -> bytes(in);
            case TIMESTAMP -> timestamp(in);
            case LIST -> {
                in.elements();
                yield untyped(in);
            }
            case MAP -> {
                in.requireObject();
                yield untyped(in);
            }
            case NULL -> throw in.invalid("cannot be set: the property is declared of type null");
        };
    }

    private static Value bytes(JsonInput in) {
        try {
            return Value.of(Base64.getDecoder().decode(in.string()));
        } catch (IllegalArgumentException e) {
            throw in.invalid("must be base64: " + e.getMessage());
        }
    }

    private static Value timestamp(JsonInput in) {
        try {
            return Value.of(InstantText.parse(in.string()));
        } catch (DateTimeParseException e) {
            throw in.invalid("must be an ISO-8601 instant such as 2026-01-02T03:04:05Z, got '" + in.string() + "'");
        }
    }

    /** A value typed by its JSON form. */
    private static Value untyped(JsonInput in) {
        JsonNode n = in.node();
        if (n.isNull()) {
            return Value.NULL;
        }
        if (n.isBoolean()) {
            return Value.of(n.booleanValue());
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return Value.of(n.longValue());
        }
        if (n.isNumber()) {
            return Value.of(n.doubleValue());
        }
        if (n.isTextual()) {
            return Value.of(n.textValue());
        }
        if (n.isArray()) {
            List<Value> values = new ArrayList<>();
            in.elements().forEach(e -> values.add(untyped(e)));
            return Value.list(values);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        in.members().forEach((k, v) -> entries.put(k, untyped(v)));
        return Value.map(entries);
    }

    /** The JSON form of a value. */
    public static JsonNode write(Value value) {
        return switch (value) {
            case Value.NullValue n -> NODES.nullNode();
            case Value.BoolValue b -> NODES.booleanNode(b.value());
            case Value.IntValue i -> NODES.numberNode(i.value());
            case Value.FloatValue f -> NODES.numberNode(f.value());
            case Value.StringValue s -> NODES.textNode(s.value());
            case Value.BytesValue b -> NODES.textNode(Base64.getEncoder().encodeToString(b.value()));
            case Value.TimestampValue t -> NODES.textNode(t.value().toString());
            case Value.ListValue l -> {
                ArrayNode a = NODES.arrayNode();
                l.values().forEach(v -> a.add(write(v)));
                yield a;
            }
            case Value.MapValue m -> {
                ObjectNode o = NODES.objectNode();
                m.entries().forEach((k, v) -> o.set(k, write(v)));
                yield o;
            }
        };
    }

    /** Properties by name as a JSON object. */
    public static ObjectNode write(Map<String, Value> properties) {
        ObjectNode o = NODES.objectNode();
        properties.forEach((k, v) -> o.set(k, write(v)));
        return o;
    }
}
