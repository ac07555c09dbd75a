package io.hyperspatial.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a request body together with its path from the root ({@code entities[3].vectors.emb}),
 * so that every check names the place that failed. All shape and range checks of request bodies
 * go through here; each failure is an {@link ApiException#INVALID_REQUEST} whose field is the
 * path. Immutable.
 */
public final class JsonInput {
    private final JsonNode node;
    private final String path;

    private JsonInput(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The root of a request body that arrived as a tree (JSON, or another protocol's message in JSON form). */
    public static JsonInput root(JsonNode node) {
        return new JsonInput(node, "");
    }

    /** Where this node is in the body; empty for the root. */
    public String path() {
        return path;
    }

    public JsonNode node() {
        return node;
    }

    /** The member {@code name} of this object (missing if absent). */
    public JsonInput get(String name) {
        requireObject();
        JsonNode child = node.get(name);
        return new JsonInput(child == null ? MissingNode.getInstance() : child, path.isEmpty() ? name : path + "." + name);
    }

    /** The member {@code name}, which must be present and not null. */
    public JsonInput required(String name) {
        JsonInput child = get(name);
        if (!child.present()) {
            throw ApiException.invalid(child.path, "'" + child.path + "' is required");
        }
        return child;
    }

    /** Present and not JSON null. */
    public boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    public boolean isNull() {
        return node.isNull();
    }

    public JsonInput requireObject() {
        if (!node.isObject()) {
            throw invalid("must be a JSON object, got " + kind());
        }
        return this;
    }

    /** The members of this object, in body order. */
    public Map<String, JsonInput> members() {
        requireObject();
        Map<String, JsonInput> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), new JsonInput(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        }
        return out;
    }

    /** The elements of this array. */
    public List<JsonInput> elements() {
        if (!node.isArray()) {
            throw invalid("must be a JSON array, got " + kind());
        }
        List<JsonInput> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonInput(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    public String string() {
        if (!node.isTextual()) {
            throw invalid("must be a string, got " + kind());
        }
        return node.textValue();
    }

    /** A non-empty string. */
    public String name() {
        String s = string();
        if (s.isEmpty()) {
            throw invalid("must not be empty");
        }
        return s;
    }

    public String string(String absent) {
        return present() ? string() : absent;
    }

    public boolean bool() {
        if (!node.isBoolean()) {
            throw invalid("must be true or false, got " + kind());
        }
        return node.booleanValue();
    }

    public boolean bool(boolean absent) {
        return present() ? bool() : absent;
    }

    public double number() {
        if (!node.isNumber()) {
            throw invalid("must be a number, got " + kind());
        }
        return node.doubleValue();
    }

    public double number(double absent) {
        return present() ? number() : absent;
    }

    /** An integer that fits a long. */
    public long integer() {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid("must be an integer, got " + kind());
        }
        return node.longValue();
    }

    /** An int in {@code [min, max]}, or {@code absent} if the member is absent. */
    public int intIn(int min, int max, int absent) {
        if (!present()) {
            return absent;
        }
        long v = integer();
        if (v < min || v > max) {
            throw invalid("must be in " + min + ".." + max + ", got " + v);
        }
        return (int) v;
    }

    /** An array of numbers as float32 (values beyond float range become infinite, which storage rejects). */
    public float[] floats() {
        List<JsonInput> elements = elements();
        float[] out = new float[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) elements.get(i).number();
        }
        return out;
    }

    /** An array of integers that fit an int. */
    public int[] ints() {
        List<JsonInput> elements = elements();
        int[] out = new int[elements.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = elements.get(i).intIn(Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
        }
        return out;
    }

    /** An array of non-empty strings. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (JsonInput e : elements()) {
            out.add(e.name());
        }
        return out;
    }

    /** A 400 about this node. */
    public ApiException invalid(String message) {
        String where = path.isEmpty() ? "the request body" : "'" + path + "'";
        return ApiException.invalid(path.isEmpty() ? null : path, where + " " + message);
    }

    /** The JSON type of this node, for messages. */
    private String kind() {
        if (node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
