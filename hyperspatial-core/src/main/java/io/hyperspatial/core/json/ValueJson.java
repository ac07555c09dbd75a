package io.hyperspatial.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/**
 * Writes property {@link Value}s as JSON. Types JSON lacks are written so that the schema's
 * property type reads them back exactly: bytes as base64 strings, timestamps as ISO-8601 strings
 * (microseconds), non-finite floats as the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}. Stateless.
 */
public final class ValueJson {
    private ValueJson() {
    }

    public static void write(JsonGenerator g, Value value) throws IOException {
        switch (value) {
            case Value.NullValue n -> g.writeNull();
            case Value.BoolValue b -> g.writeBoolean(b.value());
            case Value.IntValue i -> g.writeNumber(i.value());
            case Value.FloatValue f -> {
                if (Double.isFinite(f.value())) {
                    g.writeNumber(f.value());
                } else {
                    g.writeString(Double.toString(f.value()));
                }
            }
            case Value.StringValue s -> g.writeString(s.value());
            case Value.BytesValue b -> g.writeString(Base64.getEncoder().encodeToString(b.value()));
            case Value.TimestampValue t -> g.writeString(t.value().toString());
            case Value.ListValue l -> {
                g.writeStartArray();
                for (Value v : l.values()) {
                    write(g, v);
                }
                g.writeEndArray();
            }
            case Value.MapValue m -> {
                g.writeStartObject();
                for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
        }
    }
}
