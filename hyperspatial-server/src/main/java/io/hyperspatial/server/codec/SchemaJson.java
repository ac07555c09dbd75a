package io.hyperspatial.server.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.ValueType;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Schemas in JSON, read as an additive change and written as a description:
 * <pre>{@code
 * {"entity_types": {"Person": {"name": "string", "age": "int64"}},
 *  "vector_fields": {"emb": {"dimension": 3, "metric": "cosine", "kind": "dense", "curvature": 1,
 *                            "index": {"m": 16, "ef_construction": 200, "ef_search": 64, "quantization": "none"}}},
 *  "edge_types": ["knows"],
 *  "measures": {"temperature": {"retention_seconds": 0}}}
 * }</pre>
 * Every member is optional; {@code kind} defaults to dense and {@code curvature} to 1. A dense
 * field's {@code index} settings ({@link IndexSettingsJson}) are a patch: its members set those
 * settings, of a new field or an existing one. Stateless.
 */
public final class SchemaJson {
    private SchemaJson() {
    }

    /**
     * The change {@code body} asks for. Shapes and names of types are checked here; the
     * definitions themselves (valid names, dimensions, conflicts) by the schema editor.
     */
    public static Consumer<SchemaEditor> change(JsonInput body) {
        Map<String, Map<String, ValueType>> entityTypes = new LinkedHashMap<>();
        JsonInput types = body.get("entity_types");
        if (types.present()) {
            types.members().forEach((type, props) -> {
                Map<String, ValueType> properties = new LinkedHashMap<>();
                props.members().forEach((name, t) -> properties.put(name, valueType(t)));
                entityTypes.put(type, properties);
            });
        }
        Map<String, VectorField> vectorFields = new LinkedHashMap<>();
        Map<String, UnaryOperator<VectorIndexSettings>> indexes = new LinkedHashMap<>();
        JsonInput fields = body.get("vector_fields");
        if (fields.present()) {
            fields.members().forEach((name, f) -> {
                vectorFields.put(name, vectorField(name, f));
                JsonInput index = f.get("index");
                if (index.present()) {
                    indexes.put(name, IndexSettingsJson.patch(index));
                }
            });
        }
        JsonInput edges = body.get("edge_types");
        List<String> edgeTypes = edges.present() ? edges.names() : List.of();
        Map<String, Duration> measures = new LinkedHashMap<>();
        JsonInput ms = body.get("measures");
        if (ms.present()) {
            ms.members().forEach((name, m) -> {
                JsonInput retention = m.get("retention_seconds");
                measures.put(name, Duration.ofSeconds(retention.present() ? retention.integer() : 0));
            });
        }
        return editor -> {
            entityTypes.forEach(editor::entityType);
            vectorFields.values().forEach(f -> editor.vectorField(f.name(), f.kind(), f.dimension(), f.metric(), f.curvature()));
            indexes.forEach(editor::vectorIndex);
            edgeTypes.forEach(editor::edgeType);
            measures.forEach(editor::measure);
        };
    }

    private static ValueType valueType(JsonInput t) {
        try {
            return ValueType.parse(t.string());
        } catch (IllegalArgumentException e) {
            throw t.invalid("is not a property type: " + e.getMessage()
                    + " (use bool, int64, float64, string, bytes, timestamp, list or map)");
        }
    }

    private static VectorField vectorField(String name, JsonInput f) {
        int dimension = f.required("dimension").intIn(1, 65_536, 0);
        VectorMetric metric;
        JsonInput m = f.required("metric");
        try {
            metric = VectorMetric.parse(m.string());
        } catch (IllegalArgumentException e) {
            throw m.invalid(e.getMessage());
        }
        JsonInput k = f.get("kind");
        VectorKind kind;
        try {
            kind = VectorKind.valueOf(k.string("dense").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw k.invalid("must be dense, sparse or multi");
        }
        JsonInput c = f.get("curvature");
        double curvature = c.number(1.0);
        if (!(curvature > 0) || !Double.isFinite(curvature)) {
            throw c.invalid("must be a positive number, got " + curvature);
        }
        return new VectorField(name, 0, kind, dimension, metric, curvature);
    }

    /**
     * The schema as JSON, in the shape {@link #change} reads, plus what only the server declares:
     * the revision, {@code position_spaces} by kind ({@code {"graph": {"dimension", "curvature",
     * "edge_types"}}}) and {@code property_indexes} by name ({@code {"entity_type", "property"}}).
     */
    public static ObjectNode describe(Schema schema) {
        ObjectNode out = Json.object();
        out.put("revision", schema.revision());
        ObjectNode types = out.putObject("entity_types");
        new TreeMap<>(schema.entityTypes()).forEach((name, type) -> types.set(name, properties(type)));
        ObjectNode fields = out.putObject("vector_fields");
        new TreeMap<>(schema.vectorFields()).forEach((name, f) -> {
            ObjectNode o = fields.putObject(name);
            o.put("dimension", f.dimension());
            o.put("metric", f.metric().displayName());
            o.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            o.put("curvature", f.curvature());
            if (f.kind() == VectorKind.DENSE) {
                o.set("index", IndexSettingsJson.describe(f.index()));
            }
        });
        ArrayNode edges = out.putArray("edge_types");
        schema.edgeTypes().values().stream().map(EdgeType::name).sorted().forEach(edges::add);
        ObjectNode measures = out.putObject("measures");
        new TreeMap<>(schema.measures()).forEach((name, m) -> retention(measures.putObject(name), m));
        ObjectNode positions = out.putObject("position_spaces");
        schema.positionSpaces().values().stream().sorted(Comparator.comparing(p -> p.kind().name())).forEach(p -> {
            ObjectNode o = positions.putObject(p.kind().name().toLowerCase(Locale.ROOT));
            o.put("dimension", p.dimension());
            o.put("curvature", p.curvature());
            p.edgeTypes().forEach(o.putArray("edge_types")::add);
        });
        ObjectNode indexes = out.putObject("property_indexes");
        new TreeMap<>(schema.propertyIndexes()).forEach((name, index) -> indexes.putObject(name)
                .put("entity_type", index.entityType()).put("property", index.property()));
        return out;
    }

    /** An entity type's properties in declaration order, the order of the columns HyperQL gives its table. */
    private static ObjectNode properties(EntityType type) {
        ObjectNode o = Json.object();
        type.properties().values().stream().sorted(Comparator.comparingInt(PropertyDef::id))
                .forEach(p -> o.put(p.name(), p.type().displayName()));
        return o;
    }

    private static void retention(ObjectNode o, MeasureDef m) {
        o.put("retention_seconds", m.retention().toSeconds());
    }
}
