package io.hyperspatial.bench.storage;

import io.hyperspatial.core.json.JsonStrings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object built field by field, printed on one line with fields in insertion order. Values
 * are strings, numbers, booleans, nulls, nested objects or lists of these; doubles are printed
 * with five significant digits (NaN and infinities as null). Not thread-safe.
 */
public final class JsonObject {
    private static final MathContext DIGITS = new MathContext(5);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Sets field {@code name} (insertion order is kept); returns this. */
    public JsonObject put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        write(out, this);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case JsonObject o -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : o.fields.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, list.get(i));
                }
                out.append(']');
            }
            case Double d -> number(out, d);
            case Float f -> number(out, f.doubleValue());
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            default -> string(out, value.toString());
        }
    }

    private static void number(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
        } else {
            out.append(BigDecimal.valueOf(d).round(DIGITS).stripTrailingZeros().toPlainString());
        }
    }

    private static void string(StringBuilder out, String s) {
        JsonStrings.appendQuoted(out, s);
    }
}
