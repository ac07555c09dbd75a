package io.hyperspatial.server.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A vector field's index settings in JSON: {@code {"m": 16, "ef_construction": 200,
 * "ef_search": 64, "quantization": "int8"}}. Read as a patch (every member optional; the others
 * keep their current values, or the defaults for a new field); an unknown member or a bad value
 * is a 400 naming it, before anything is changed. Stateless.
 */
public final class IndexSettingsJson {
    private IndexSettingsJson() {
    }

    /** The change {@code index} asks for, every value checked now. */
    public static UnaryOperator<VectorIndexSettings> patch(JsonInput index) {
        Map<String, Object> values = new LinkedHashMap<>();
        index.members().forEach((key, value) -> {
            if (!VectorIndexSettings.KEYS.contains(key)) {
                throw value.invalid("is not an index setting; use " + String.join(", ", VectorIndexSettings.KEYS));
            }
            Object v = key.equals("quantization") ? value.string() : (Object) value.integer();
            try {
                VectorIndexSettings.DEFAULT.with(key, v);
            } catch (ManifoldException e) {
                throw value.invalid(e.getMessage());
            }
            values.put(key, v);
        });
        return settings -> settings.withAll(values);
    }

    /** The settings as an object with every member. */
    public static ObjectNode describe(VectorIndexSettings settings) {
        ObjectNode o = Json.object();
        settings.asMap().forEach((key, v) -> {
            if (v instanceof Integer i) {
                o.put(key, i);
            } else {
                o.put(key, (String) v);
            }
        });
        return o;
    }
}
