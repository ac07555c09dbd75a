package io.hyperspatial.core.index.eval;

import io.hyperspatial.core.json.JsonStrings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One flat JSON object printed on one line, fields in insertion order: the output format of the
 * ANN benchmark. Values are strings, integers, doubles (six significant digits; NaN and
 * infinities as null), booleans or null. Not thread-safe.
 */
public final class JsonLine {
    private static final MathContext DIGITS = new MathContext(6);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonLine put(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public JsonLine put(String name, long value) {
        fields.put(name, value);
        return this;
    }

    public JsonLine put(String name, double value) {
        fields.put(name, value);
        return this;
    }

    public JsonLine put(String name, boolean value) {
        fields.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            switch (e.getValue()) {
                case null -> out.append("null");
                case Double d when !Double.isFinite(d) -> out.append("null");
                case Double d -> out.append(BigDecimal.valueOf(d).round(DIGITS).stripTrailingZeros().toPlainString());
                case String s -> string(out, s);
                default -> out.append(e.getValue());
            }
        }
        return out.append('}').toString();
    }

    /** A string as a JSON string literal, quoted and escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(out, s);
        return out.toString();
    }

    private static void string(StringBuilder out, String s) {
        JsonStrings.appendQuoted(out, s);
    }
}
