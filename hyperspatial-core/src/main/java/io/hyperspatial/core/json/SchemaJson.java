package io.hyperspatial.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.ValueType;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.hyperspatial.core.json.JsonTree.array;
import static io.hyperspatial.core.json.JsonTree.number;
import static io.hyperspatial.core.json.JsonTree.object;
import static io.hyperspatial.core.json.JsonTree.string;

/**
 * A whole schema as JSON, names sorted so equal schemas print equally:
 * <pre>{@code
 * {"entity_types": {"Person": {"age": "int64", "name": "string"}},
 *  "vector_fields": {"emb": {"kind": "dense", "dimension": 3, "metric": "cosine", "curvature": 1.0,
 *                            "index": {"m": 16, "ef_construction": 200, "ef_search": 64, "quantization": "none"}}},
 *  "edge_types": ["knows"],
 *  "measures": {"temp": {"retention_seconds": 0}},
 *  "position_spaces": {"graph": {"dimension": 16, "curvature": 1.0, "edge_types": ["knows"]}}}
 * }</pre>
 * Written by exports and read back by imports as an additive change ({@link #change}), which
 * declares on another collection what the exported one holds. Stateless.
 */
public final class SchemaJson {
    private SchemaJson() {
    }

    /** Writes {@code schema} as one JSON object. */
    public static void write(JsonGenerator g, Schema schema) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("entity_types");
        for (EntityType type : new TreeMap<>(schema.entityTypes()).values()) {
            g.writeObjectFieldStart(type.name());
            for (var p : new TreeMap<>(type.properties()).values()) {
                g.writeStringField(p.name(), p.type().displayName());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("vector_fields");
        for (VectorField f : new TreeMap<>(schema.vectorFields()).values()) {
            g.writeObjectFieldStart(f.name());
            g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("dimension", f.dimension());
            g.writeStringField("metric", f.metric().displayName());
            g.writeNumberField("curvature", f.curvature());
            if (f.kind() == VectorKind.DENSE) {
                VectorIndexJson.write(g, f.index());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("edge_types");
        for (String e : new TreeMap<>(schema.edgeTypes()).keySet()) {
            g.writeString(e);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("measures");
        for (MeasureDef m : new TreeMap<>(schema.measures()).values()) {
            g.writeObjectFieldStart(m.name());
            g.writeNumberField("retention_seconds", m.retention().toSeconds());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("position_spaces");
        for (PositionSpace s : schema.positionSpaces().values()) {
            g.writeObjectFieldStart(s.kind().name().toLowerCase(Locale.ROOT));
            g.writeNumberField("dimension", s.dimension());
            g.writeNumberField("curvature", s.curvature());
            g.writeArrayFieldStart("edge_types");
            for (String e : s.edgeTypes()) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * The schema change that declares what {@code json} (the form {@link #write} prints, read by
     * {@link JsonTree}) describes. Shapes are checked here and reported as
     * {@link IllegalArgumentException} naming the member; names, dimensions and conflicts are
     * checked by the editor when the change is applied.
     */
    public static Consumer<SchemaEditor> change(Object json) {
        Map<String, Object> root = object(json, "schema");
        List<Consumer<SchemaEditor>> steps = new ArrayList<>();
        object(root.get("entity_types"), "entity_types").forEach((type, props) -> {
            Map<String, ValueType> declared = new LinkedHashMap<>();
            object(props, "entity_types." + type).forEach((name, t) ->
                    declared.put(name, ValueType.parse(string(t, "entity_types." + type + "." + name))));
            steps.add(e -> e.entityType(type, declared));
        });
        object(root.get("vector_fields"), "vector_fields").forEach((name, f) -> {
            String at = "vector_fields." + name;
            Map<String, Object> o = object(f, at);
            VectorKind kind = VectorKind.valueOf(string(o.getOrDefault("kind", "dense"), at + ".kind").toUpperCase(Locale.ROOT));
            int dimension = (int) number(o.get("dimension"), at + ".dimension");
            VectorMetric metric = VectorMetric.parse(string(o.get("metric"), at + ".metric"));
            double curvature = o.containsKey("curvature") ? number(o.get("curvature"), at + ".curvature") : 1.0;
            Map<String, Object> index = o.containsKey("index") ? VectorIndexJson.read(o.get("index"), at + ".index") : Map.of();
            steps.add(e -> e.vectorField(name, kind, dimension, metric, curvature)
                    .vectorIndex(name, settings -> settings.withAll(index)));
        });
        for (Object e : array(root.get("edge_types"), "edge_types")) {
            String name = string(e, "edge_types[]");
            steps.add(ed -> ed.edgeType(name));
        }
        object(root.get("measures"), "measures").forEach((name, m) -> {
            Object retention = object(m, "measures." + name).get("retention_seconds");
            long seconds = retention == null ? 0 : (long) number(retention, "measures." + name + ".retention_seconds");
            steps.add(e -> e.measure(name, Duration.ofSeconds(seconds)));
        });
        object(root.get("position_spaces"), "position_spaces").forEach((kind, s) -> {
            String at = "position_spaces." + kind;
            Map<String, Object> o = object(s, at);
            PositionKind k = PositionKind.parse(kind);
            int dimension = (int) number(o.get("dimension"), at + ".dimension");
            double curvature = number(o.get("curvature"), at + ".curvature");
            List<String> edges = array(o.get("edge_types"), at + ".edge_types").stream()
                    .map(x -> string(x, at + ".edge_types[]")).toList();
            steps.add(e -> e.positionSpace(k, dimension, curvature, edges));
        });
        return editor -> steps.forEach(step -> step.accept(editor));
    }
}
