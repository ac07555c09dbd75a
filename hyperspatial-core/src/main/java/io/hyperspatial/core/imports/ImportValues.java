package io.hyperspatial.core.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.value.InstantText;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns raw input values into typed {@link Value}s and vectors. A raw value is what
 * {@link JsonTree} reads from JSON, or a {@link String} cell of a CSV file; the declared type
 * decides: {@code int64} takes integers (or integer text), {@code float64} any number (or number
 * text; {@code "NaN"} and {@code "Infinity"} parse and are then refused as non-finite by the
 * schema's rules), {@code bool} true/false, {@code timestamp} an ISO-8601 instant, {@code bytes}
 * base64, {@code list} and {@code map} an array or object (in CSV, JSON text) whose members are
 * typed by their JSON form. Failures are {@link IllegalArgumentException}s saying what was
 * expected. Stateless and thread-safe.
 */
public final class ImportValues {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern VECTOR_SEPARATOR = Pattern.compile("[\\s,;]+");

    private ImportValues() {
    }

    /** The value of {@code raw} for a property of {@code type}; {@code null} stays null (absent). */
    public static Value value(Object raw, ValueType type) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case BOOL -> switch (raw) {
                case Boolean b -> Value.of(b);
                case String s when s.equalsIgnoreCase("true") || s.equals("1") -> Value.of(true);
                case String s when s.equalsIgnoreCase("false") || s.equals("0") -> Value.of(false);
                default -> throw expected("a boolean", raw);
            };
            case INT64 -> switch (raw) {
                case Long l -> Value.of(l);
                case String s -> {
                    try {
                        yield Value.of(Long.parseLong(s.trim()));
                    } catch (NumberFormatException e) {
                        throw expected("an integer", raw);
                    }
                }
                default -> throw expected("an integer", raw);
            };
            case FLOAT64 -> switch (raw) {
                case Number n -> Value.of(n.doubleValue());
                case String s -> {
                    try {
                        yield Value.of(Double.parseDouble(s.trim()));
                    } catch (NumberFormatException e) {
                        throw expected("a number", raw);
                    }
                }
                default -> throw expected("a number", raw);
            };
            case STRING -> raw instanceof String s ? Value.of(s) : Value.of(text(raw));
            case BYTES -> {
                try {
                    yield Value.of(Base64.getDecoder().decode(string(raw, "base64 text")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("expected base64 text: " + e.getMessage(), e);
                }
            }
            case TIMESTAMP -> {
                String s = string(raw, "an ISO-8601 instant such as 2026-01-02T03:04:05Z");
                try {
                    yield Value.of(InstantText.parse(s.trim()));
                } catch (DateTimeParseException e) {
                    throw expected("an ISO-8601 instant such as 2026-01-02T03:04:05Z", raw);
                }
            }
            case LIST -> {
                Object v = raw instanceof String s ? parseJson(s) : raw;
                if (!(v instanceof List<?>)) {
                    throw expected("an array", raw);
                }
                yield untyped(v);
            }
            case MAP -> {
                Object v = raw instanceof String s ? parseJson(s) : raw;
                if (!(v instanceof Map<?, ?>)) {
                    throw expected("an object", raw);
                }
                yield untyped(v);
            }
            case NULL -> throw new IllegalArgumentException("a property cannot be of type null");
        };
    }

    /**
     * A dense vector: a JSON array of numbers, or text holding one ({@code [0.1, 0.2]}) or the
     * numbers separated by commas, semicolons or spaces ({@code 0.1;0.2}).
     */
    public static float[] floats(Object raw) {
        if (raw instanceof List<?> list) {
            float[] v = new float[list.size()];
            for (int i = 0; i < v.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw new IllegalArgumentException("element " + i + ": expected a number, got " + JsonTree.kind(list.get(i)));
                }
                v[i] = n.floatValue();
            }
            return v;
        }
        if (!(raw instanceof String s)) {
            throw expected("an array of numbers", raw);
        }
        String body = s.strip();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1).strip();
        }
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = VECTOR_SEPARATOR.split(body);
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("element " + i + ": expected a number, got '" + parts[i] + "'", e);
            }
        }
        return v;
    }

    /** A value typed by its JSON form. */
    static Value untyped(Object v) {
        return switch (v) {
            case null -> Value.NULL;
            case Boolean b -> Value.of(b);
            case Long l -> Value.of(l);
            case Number n -> Value.of(n.doubleValue());
            case String s -> Value.of(s);
            case List<?> list -> {
                List<Value> values = new ArrayList<>(list.size());
                list.forEach(e -> values.add(untyped(e)));
                yield Value.list(values);
            }
            case Map<?, ?> map -> {
                Map<String, Value> entries = new LinkedHashMap<>();
                map.forEach((k, e) -> entries.put((String) k, untyped(e)));
                yield Value.map(entries);
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + v.getClass().getSimpleName());
        };
    }

    private static Object parseJson(String s) {
        try (JsonParser p = JSON.createParser(s)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("expected JSON text, got none");
            }
            Object v = JsonTree.read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("expected one JSON value, got more after it");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected JSON text: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected JSON text: " + e.getMessage(), e);
        }
    }

    private static String string(Object raw, String what) {
        if (raw instanceof String s) {
            return s;
        }
        throw expected(what, raw);
    }

    private static String text(Object raw) {
        if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
            throw expected("a string", raw);
        }
        return String.valueOf(raw);
    }

    private static IllegalArgumentException expected(String what, Object raw) {
        String got = raw instanceof String s ? "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'" : JsonTree.kind(raw);
        return new IllegalArgumentException("expected " + what + ", got " + got);
    }
}
