package io.hyperspatial.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.VectorIndexSettings;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dense vector field's index settings in the JSON that exports write and imports and import
 * mappings read: {@code "index": {"m": 16, "ef_construction": 200, "ef_search": 64,
 * "quantization": "none"}}. Read as a patch: every member optional. Stateless.
 */
public final class VectorIndexJson {
    private VectorIndexJson() {
    }

    /**
     * The settings {@code json} (read by {@link JsonTree}) sets, each checked.
     *
     * @throws IllegalArgumentException naming {@code at.member} for an unknown member or a bad value
     */
    public static Map<String, Object> read(Object json, String at) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonTree.object(json, at).forEach((key, value) -> {
            try {
                VectorIndexSettings.DEFAULT.with(key, value);
            } catch (ManifoldException e) {
                throw new IllegalArgumentException(at + "." + key + ": " + e.getMessage(), e);
            }
            out.put(key, value);
        });
        return out;
    }

    /** Writes {@code "index": {...}} with every setting. */
    public static void write(JsonGenerator g, VectorIndexSettings settings) throws IOException {
        g.writeObjectFieldStart("index");
        for (Map.Entry<String, Object> e : settings.asMap().entrySet()) {
            if (e.getValue() instanceof Integer i) {
                g.writeNumberField(e.getKey(), i);
            } else {
                g.writeStringField(e.getKey(), (String) e.getValue());
            }
        }
        g.writeEndObject();
    }
}
