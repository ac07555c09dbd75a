package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import io.hyperspatial.manifold.value.ValueType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a {@link Schema} as one {@link Value} map (so the catalog uses the same versioned
 * encoding as property values). Stateless and thread-safe.
 *
 * <p>The catalog's own layout has a {@link #VERSION}, written under {@code catalog_version}
 * (absent in version 1). Version 2 added each dense vector field's {@code index} settings,
 * written only when they differ from {@link VectorIndexSettings#DEFAULT}; a version 1 catalog
 * reads with the defaults. A catalog of a newer version than this build knows is refused with
 * {@link ErrorCode#INCOMPATIBLE_FORMAT} rather than read with its new parts dropped.
 */
public final class SchemaCodec {
    /** The catalog layout this code writes; it reads this and every earlier one. */
    public static final int VERSION = 2;

    private SchemaCodec() {
    }

    public static byte[] encode(Schema s) {
        Map<String, Value> root = new LinkedHashMap<>();
        root.put("catalog_version", Value.of((long) VERSION));
        root.put("revision", Value.of(s.revision()));
        root.put("next_id", Value.of((long) s.nextId()));
        List<Value> types = new ArrayList<>();
        for (EntityType t : s.entityTypes().values()) {
            List<Value> props = new ArrayList<>();
            for (PropertyDef p : t.properties().values()) {
                props.add(Value.map(Map.of("name", Value.of(p.name()), "id", Value.of((long) p.id()),
                        "type", Value.of(p.type().displayName()))));
            }
            types.add(Value.map(Map.of("name", Value.of(t.name()), "id", Value.of((long) t.id()),
                    "properties", Value.list(props))));
        }
        root.put("entity_types", Value.list(types));
        List<Value> vectors = new ArrayList<>();
        for (VectorField f : s.vectorFields().values()) {
            Map<String, Value> field = new LinkedHashMap<>(Map.of("name", Value.of(f.name()), "id", Value.of((long) f.id()),
                    "kind", Value.of(f.kind().name()), "dimension", Value.of((long) f.dimension()),
                    "metric", Value.of(f.metric().name())));
            if (f.curvature() != 1.0) {
                // written only when not 1, so catalogs without hyperbolic fields encode as before
                field.put("curvature", Value.of(f.curvature()));
            }
            if (!f.index().equals(VectorIndexSettings.DEFAULT)) {
                field.put("index", encodeIndex(f.index()));
            }
            vectors.add(Value.map(field));
        }
        root.put("vector_fields", Value.list(vectors));
        List<Value> edges = new ArrayList<>();
        for (EdgeType e : s.edgeTypes().values()) {
            edges.add(Value.map(Map.of("name", Value.of(e.name()), "id", Value.of((long) e.id()))));
        }
        root.put("edge_types", Value.list(edges));
        List<Value> measures = new ArrayList<>();
        for (MeasureDef m : s.measures().values()) {
            measures.add(Value.map(Map.of("name", Value.of(m.name()), "id", Value.of((long) m.id()),
                    "retention_ms", Value.of(m.retention().toMillis()))));
        }
        root.put("measures", Value.list(measures));
        if (!s.positionSpaces().isEmpty()) {
            // written only when declared, so catalogs without positions encode as before
            List<Value> spaces = new ArrayList<>();
            for (PositionSpace p : s.positionSpaces().values()) {
                spaces.add(Value.map(Map.of("kind", Value.of(p.kind().name()), "id", Value.of((long) p.id()),
                        "dimension", Value.of((long) p.dimension()), "curvature", Value.of(p.curvature()),
                        "edge_types", Value.list(p.edgeTypes().stream().map(Value::of).toList()))));
            }
            root.put("position_spaces", Value.list(spaces));
        }
        if (!s.propertyIndexes().isEmpty()) {
            // written only when declared, so catalogs without property indexes encode as before
            List<Value> indexes = new ArrayList<>();
            for (PropertyIndexDef d : s.propertyIndexes().values()) {
                indexes.add(Value.map(Map.of("name", Value.of(d.name()), "entity_type", Value.of(d.entityType()),
                        "property", Value.of(d.property()))));
            }
            root.put("property_indexes", Value.list(indexes));
        }
        return ValueCodec.encode(Value.map(root));
    }

    public static Schema decode(byte[] bytes) {
        try {
            Map<String, Value> root = map(ValueCodec.decode(bytes));
            Value version = root.get("catalog_version");
            if (version != null && num(version) > VERSION) {
                throw new StorageException(ErrorCode.INCOMPATIBLE_FORMAT, "the schema catalog has version " + num(version)
                        + "; this build reads versions up to " + VERSION);
            }
            Map<String, EntityType> types = new HashMap<>();
            for (Value tv : list(root.get("entity_types"))) {
                Map<String, Value> t = map(tv);
                Map<String, PropertyDef> props = new HashMap<>();
                for (Value pv : list(t.get("properties"))) {
                    Map<String, Value> p = map(pv);
                    String name = str(p.get("name"));
                    props.put(name, new PropertyDef(name, (int) num(p.get("id")), ValueType.parse(str(p.get("type")))));
                }
                String name = str(t.get("name"));
                types.put(name, new EntityType(name, (int) num(t.get("id")), props));
            }
            Map<String, VectorField> vectors = new HashMap<>();
            for (Value fv : list(root.get("vector_fields"))) {
                Map<String, Value> f = map(fv);
                String name = str(f.get("name"));
                Value curvature = f.get("curvature");
                Value index = f.get("index");
                vectors.put(name, new VectorField(name, (int) num(f.get("id")), VectorKind.valueOf(str(f.get("kind"))),
                        (int) num(f.get("dimension")), VectorMetric.valueOf(str(f.get("metric"))),
                        curvature == null ? 1.0 : ((Value.FloatValue) curvature).value(),
                        index == null ? VectorIndexSettings.DEFAULT : decodeIndex(index)));
            }
            Map<String, EdgeType> edges = new HashMap<>();
            for (Value ev : list(root.get("edge_types"))) {
                Map<String, Value> e = map(ev);
                String name = str(e.get("name"));
                edges.put(name, new EdgeType(name, (int) num(e.get("id"))));
            }
            Map<String, MeasureDef> measures = new HashMap<>();
            for (Value mv : list(root.get("measures"))) {
                Map<String, Value> m = map(mv);
                String name = str(m.get("name"));
                measures.put(name, new MeasureDef(name, (int) num(m.get("id")), Duration.ofMillis(num(m.get("retention_ms")))));
            }
            Map<PositionKind, PositionSpace> spaces = new EnumMap<>(PositionKind.class);
            Value stored = root.get("position_spaces");
            for (Value sv : stored == null ? List.<Value>of() : list(stored)) {
                Map<String, Value> p = map(sv);
                PositionKind kind = PositionKind.valueOf(str(p.get("kind")));
                spaces.put(kind, new PositionSpace(kind, (int) num(p.get("id")), (int) num(p.get("dimension")),
                        ((Value.FloatValue) p.get("curvature")).value(),
                        list(p.get("edge_types")).stream().map(SchemaCodec::str).toList()));
            }
            Map<String, PropertyIndexDef> indexes = new HashMap<>();
            Value storedIndexes = root.get("property_indexes");
            for (Value iv : storedIndexes == null ? List.<Value>of() : list(storedIndexes)) {
                Map<String, Value> i = map(iv);
                String name = str(i.get("name"));
                indexes.put(name, new PropertyIndexDef(name, str(i.get("entity_type")), str(i.get("property"))));
            }
            return new Schema(num(root.get("revision")), (int) num(root.get("next_id")), types, vectors, edges, measures,
                    spaces, indexes);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException | SchemaViolationException e) {
            throw new StorageException(ErrorCode.CORRUPTION, "unreadable schema catalog: " + e, e);
        }
    }

    private static Value encodeIndex(VectorIndexSettings settings) {
        Map<String, Value> out = new LinkedHashMap<>();
        settings.asMap().forEach((key, v) -> out.put(key, v instanceof Integer i ? Value.of((long) i) : Value.of((String) v)));
        return Value.map(out);
    }

    /** Every key is written, so a missing one is corruption, not a default. */
    private static VectorIndexSettings decodeIndex(Value v) {
        Map<String, Value> stored = map(v);
        VectorIndexSettings settings = VectorIndexSettings.DEFAULT;
        for (String key : VectorIndexSettings.KEYS) {
            Value value = stored.get(key);
            settings = settings.with(key, value instanceof Value.IntValue i ? (Object) i.value() : str(value));
        }
        return settings;
    }

    private static Map<String, Value> map(Value v) {
        return ((Value.MapValue) v).entries();
    }

    private static List<Value> list(Value v) {
        return ((Value.ListValue) v).values();
    }

    private static String str(Value v) {
        return ((Value.StringValue) v).value();
    }

    private static long num(Value v) {
        return ((Value.IntValue) v).value();
    }
}
