package io.hyperspatial.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from a streaming parser into plain Java objects: {@link Map} (in member
 * order), {@link List}, {@link String}, {@link Long} (integers that fit), {@link Double} (other
 * numbers), {@link Boolean} and {@code null}. For small documents (a mapping, a schema, one row);
 * bulk data is read token by token. Stateless.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /** The value starting at the parser's current token; leaves the parser on its last token. */
    public static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            t = p.nextToken();
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.put(name, read(p));
                }
                yield members;
            }
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(read(p));
                }
                yield elements;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + t);
        };
    }

    /** A short description of a value's JSON form for messages: {@code a string}, {@code an object}… */
    public static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            case String s -> "a string";
            case Boolean b -> "a boolean";
            case Long l -> "an integer";
            default -> "a number";
        };
    }

    /** {@code v} as an object ({@code null}: empty); else an {@link IllegalArgumentException} naming {@code what}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object v, String what) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(what + " must be an object, got " + kind(v));
    }

    /** {@code v} as an array ({@code null}: empty); else an {@link IllegalArgumentException} naming {@code what}. */
    public static List<?> array(Object v, String what) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(what + " must be an array, got " + kind(v));
    }

    /** {@code v} as a non-empty string; else an {@link IllegalArgumentException} naming {@code what}. */
    public static String string(Object v, String what) {
        if (v instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new IllegalArgumentException(what + " must be a non-empty string, got " + kind(v));
    }

    /** {@code v} as a number; else an {@link IllegalArgumentException} naming {@code what}. */
    public static double number(Object v, String what) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(what + " must be a number, got " + kind(v));
    }
}
