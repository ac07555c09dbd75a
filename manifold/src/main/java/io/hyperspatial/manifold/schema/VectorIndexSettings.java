package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the approximate (HNSW) index of a dense vector field is built and searched, as the user
 * declared it: {@code m} (links per node on the upper layers, 2m on layer 0), {@code efConstruction}
 * (candidates examined per insert), {@code efSearch} (candidates examined by a search that does
 * not give its own ef) and the {@link VectorQuantization}. Storage only records them; the index
 * reads them. Changing {@code efSearch} changes nothing but searches; changing any of the others
 * means the index must be built again ({@link #sameGraph}).
 *
 * <p>The settings are referred to by their snake_case {@link #KEYS} wherever they are written as
 * data (the schema catalog, JSON, HyperQL); {@link #with(String, Object)} sets one by key.
 * Immutable; the constructor rejects values out of range.
 */
public record VectorIndexSettings(int m, int efConstruction, int efSearch, VectorQuantization quantization) {
    /** m 16, ef_construction 200, ef_search 64, no quantization: what a field has unless told otherwise. */
    public static final VectorIndexSettings DEFAULT = new VectorIndexSettings(16, 200, 64, VectorQuantization.NONE);

    /** The keys of the settings, in the order they are written. */
    public static final List<String> KEYS = List.of("m", "ef_construction", "ef_search", "quantization");

    /** The bounds of {@code m}. */
    public static final int MIN_M = 2;
    public static final int MAX_M = 512;

    /**
     * @throws SchemaViolationException ({@link ErrorCode#INVALID_ARGUMENT}) naming the setting and
     *                                  its value when {@code m} is outside 2..512, an ef is below 1,
     *                                  or the quantization is null
     */
    public VectorIndexSettings {
        if (m < MIN_M || m > MAX_M) {
            throw invalid("m", "must be in " + MIN_M + ".." + MAX_M + ", got " + m);
        }
        if (efConstruction < 1) {
            throw invalid("ef_construction", "must be at least 1, got " + efConstruction);
        }
        if (efSearch < 1) {
            throw invalid("ef_search", "must be at least 1, got " + efSearch);
        }
        if (quantization == null) {
            throw invalid("quantization", "must be none, int8 or binary");
        }
    }

    public VectorIndexSettings withM(int v) {
        return new VectorIndexSettings(v, efConstruction, efSearch, quantization);
    }

    public VectorIndexSettings withEfConstruction(int v) {
        return new VectorIndexSettings(m, v, efSearch, quantization);
    }

    public VectorIndexSettings withEfSearch(int v) {
        return new VectorIndexSettings(m, efConstruction, v, quantization);
    }

    public VectorIndexSettings withQuantization(VectorQuantization v) {
        return new VectorIndexSettings(m, efConstruction, efSearch, v);
    }

    /**
     * These settings with the one named {@code key} set: an integral number (any {@link Number}
     * without a fraction) for {@code m}, {@code ef_construction} and {@code ef_search}; a name
     * ({@code none}, {@code int8}, {@code binary}) for {@code quantization}.
     *
     * @throws SchemaViolationException naming the key: {@link ErrorCode#UNKNOWN_FIELD} for a key
     *                                  not in {@link #KEYS}, {@link ErrorCode#INVALID_ARGUMENT}
     *                                  for a value of the wrong type or out of range
     */
    public VectorIndexSettings with(String key, Object value) {
        return switch (key) {
            case "m" -> withM(integer(key, value));
            case "ef_construction" -> withEfConstruction(integer(key, value));
            case "ef_search" -> withEfSearch(integer(key, value));
            case "quantization" -> {
                if (!(value instanceof String s)) {
                    throw invalid(key, "must be a string (none, int8 or binary), got " + value);
                }
                yield withQuantization(VectorQuantization.parse(s));
            }
            default -> throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, key,
                    "unknown index setting '" + key + "'; expected one of " + String.join(", ", KEYS));
        };
    }

    /** These settings with each of {@code values} set by its key, in the map's order, as {@link #with(String, Object)} does. */
    public VectorIndexSettings withAll(Map<String, ?> values) {
        VectorIndexSettings out = this;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The settings by key, in {@link #KEYS} order: integers, and the quantization's name. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("m", m);
        out.put("ef_construction", efConstruction);
        out.put("ef_search", efSearch);
        out.put("quantization", quantization.displayName());
        return out;
    }

    /** Whether an index built with these settings serves {@code other} too: all but ef_search are equal. */
    public boolean sameGraph(VectorIndexSettings other) {
        return m == other.m && efConstruction == other.efConstruction && quantization == other.quantization;
    }

    private static int integer(String key, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw invalid(key, "must be an integer, got " + value);
    }

    private static SchemaViolationException invalid(String key, String problem) {
        return new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, key, "index setting " + key + " " + problem);
    }
}
