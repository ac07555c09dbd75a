package io.hyperspatial.core.imports;

import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.core.json.VectorIndexJson;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.ValueType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.hyperspatial.core.json.JsonTree.object;
import static io.hyperspatial.core.json.JsonTree.string;

/**
 * How the columns (CSV) or members (JSON, JSONL) of a row become an entity. As a JSON file:
 * <pre>{@code
 * {"key": "id",
 *  "type": "Person",                       // or "type_column": "kind"
 *  "properties": {"name": "string", "age": {"type": "int64", "column": "Age"}},
 *  "vectors": {"emb": {"column": "embedding", "dimension": 3, "metric": "cosine",
 *                      "index": {"m": 32, "quantization": "int8"}}},
 *  "edges": [{"column": "friends", "type": "knows", "weight_column": "strength"}],
 *  "delimiter": ";"}
 * }</pre>
 * A property is read from the column of its name unless {@code column} is given, and declared in
 * the schema with its type if new. A vector field is declared (dense) when {@code dimension} and
 * {@code metric} are given, else it must exist; its {@code index} settings (see
 * {@link io.hyperspatial.core.json.VectorIndexJson}), when given, are set on it. An edge column names one target key or several
 * (a JSON array, or in CSV a cell split on {@code delimiter}, default {@code ;}); every target gets
 * the row's weight from {@code weight_column}, or 1. Edge types are declared if new.
 */
public record ImportMapping(String keyColumn, String type, String typeColumn, List<PropertyColumn> properties,
                           List<VectorColumn> vectors, List<EdgeColumn> edges, String delimiter) {

    /** A property {@code name} of {@code type} read from {@code column}. */
    public record PropertyColumn(String name, ValueType type, String column) {
    }

    /**
     * A dense vector field read from {@code column}; {@code dimension} 0 and {@code metric} null for
     * an existing field; {@code index} the index settings to set on it by key (empty: none).
     */
    public record VectorColumn(String field, String column, int dimension, VectorMetric metric, Map<String, Object> index) {
        public VectorColumn {
            index = Collections.unmodifiableMap(new LinkedHashMap<>(index));
        }

        /** A column that sets no index settings. */
        public VectorColumn(String field, String column, int dimension, VectorMetric metric) {
            this(field, column, dimension, metric, Map.of());
        }
    }

    /** Edges of {@code edgeType} to the keys in {@code column}, weighted by {@code weightColumn} (null: 1). */
    public record EdgeColumn(String column, String edgeType, String weightColumn) {
    }

    public ImportMapping {
        if (keyColumn == null || keyColumn.isBlank()) {
            throw new IllegalArgumentException("the mapping needs a key column");
        }
        if ((type == null) == (typeColumn == null)) {
            throw new IllegalArgumentException("the mapping needs either a fixed entity type or a type column, not both");
        }
        properties = List.copyOf(properties);
        vectors = List.copyOf(vectors);
        edges = List.copyOf(edges);
        if (delimiter == null || delimiter.isEmpty()) {
            delimiter = ";";
        }
    }

    /** The schema change declaring what this mapping writes; types named by a type column are declared as they appear. */
    public Consumer<SchemaEditor> schemaChange() {
        return editor -> {
            if (type != null) {
                editor.entityType(type, propertyTypes());
            }
            for (VectorColumn v : vectors) {
                if (v.metric() != null) {
                    editor.vectorField(v.field(), VectorKind.DENSE, v.dimension(), v.metric());
                }
                if (!v.index().isEmpty()) {
                    editor.vectorIndex(v.field(), settings -> settings.withAll(v.index()));
                }
            }
            edges.forEach(e -> editor.edgeType(e.edgeType()));
        };
    }

    /** The declared properties by name, to declare on an entity type. */
    public Map<String, ValueType> propertyTypes() {
        Map<String, ValueType> types = new LinkedHashMap<>();
        properties.forEach(p -> types.put(p.name(), p.type()));
        return types;
    }

    /** {@code name:type[:column]}, as the command line gives a property. */
    public static PropertyColumn property(String spec) {
        String[] parts = parts(spec, 2, 3, "--property name:type[:column]");
        return new PropertyColumn(parts[0], valueType(parts[1], parts[0]), parts.length > 2 ? parts[2] : parts[0]);
    }

    /** {@code column:field[:dimension:metric]}, as the command line gives a vector column. */
    public static VectorColumn vector(String spec) {
        String[] parts = parts(spec, 2, 4, "--vector column:field[:dimension:metric]");
        if (parts.length == 3) {
            throw new IllegalArgumentException("--vector '" + spec + "': give both dimension and metric, or neither");
        }
        return parts.length == 2 ? new VectorColumn(parts[1], parts[0], 0, null)
                : new VectorColumn(parts[1], parts[0], dimension(parts[2], spec), VectorMetric.parse(parts[3]));
    }

    /** {@code column:edgeType[:weightColumn]}, as the command line gives an edge column. */
    public static EdgeColumn edge(String spec) {
        String[] parts = parts(spec, 2, 3, "--edge column:edgeType[:weightColumn]");
        return new EdgeColumn(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
    }

    /** Reads the JSON form (as {@link JsonTree} gives it); a shape error names the member. */
    public static ImportMapping fromJson(Object json) {
        Map<String, Object> root = object(json, "mapping");
        List<PropertyColumn> properties = new ArrayList<>();
        object(root.get("properties"), "properties").forEach((name, v) -> {
            if (v instanceof Map<?, ?>) {
                Map<String, Object> o = object(v, "properties." + name);
                String column = o.containsKey("column") ? string(o.get("column"), "properties." + name + ".column") : name;
                properties.add(new PropertyColumn(name, valueType(string(o.get("type"), "properties." + name + ".type"), name), column));
            } else {
                properties.add(new PropertyColumn(name, valueType(string(v, "properties." + name), name), name));
            }
        });
        List<VectorColumn> vectors = new ArrayList<>();
        object(root.get("vectors"), "vectors").forEach((field, v) -> {
            if (v instanceof Map<?, ?>) {
                String at = "vectors." + field;
                Map<String, Object> o = object(v, at);
                String column = o.containsKey("column") ? string(o.get("column"), at + ".column") : field;
                boolean declared = o.containsKey("dimension") || o.containsKey("metric");
                Map<String, Object> index = o.containsKey("index") ? VectorIndexJson.read(o.get("index"), at + ".index") : Map.of();
                vectors.add(declared
                        ? new VectorColumn(field, column, dimension(String.valueOf(o.get("dimension")), at + ".dimension"),
                        VectorMetric.parse(string(o.get("metric"), at + ".metric")), index)
                        : new VectorColumn(field, column, 0, null, index));
            } else {
                vectors.add(new VectorColumn(field, string(v, "vectors." + field), 0, null));
            }
        });
        List<EdgeColumn> edges = new ArrayList<>();
        List<?> edgeList = JsonTree.array(root.get("edges"), "edges");
        for (int i = 0; i < edgeList.size(); i++) {
            String at = "edges[" + i + "]";
            Map<String, Object> o = object(edgeList.get(i), at);
            Object weight = o.get("weight_column");
            edges.add(new EdgeColumn(string(o.get("column"), at + ".column"), string(o.get("type"), at + ".type"),
                    weight == null ? null : string(weight, at + ".weight_column")));
        }
        Object type = root.get("type");
        Object typeColumn = root.get("type_column");
        Object delimiter = root.get("delimiter");
        return new ImportMapping(string(root.get("key"), "key"), type == null ? null : string(type, "type"),
                typeColumn == null ? null : string(typeColumn, "type_column"), properties, vectors, edges,
                delimiter == null ? null : string(delimiter, "delimiter"));
    }

    private static String[] parts(String spec, int min, int max, String form) {
        String[] parts = spec.split(":", -1);
        if (parts.length < min || parts.length > max || List.of(parts).contains("")) {
            throw new IllegalArgumentException("'" + spec + "' is not of the form " + form);
        }
        return parts;
    }

    private static ValueType valueType(String name, String property) {
        try {
            ValueType t = ValueType.parse(name);
            if (t == ValueType.NULL) {
                throw new IllegalArgumentException("null");
            }
            return t;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("property " + property + ": '" + name
                    + "' is not a property type (use bool, int64, float64, string, bytes, timestamp, list or map)", e);
        }
    }

    private static int dimension(String s, String at) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(at + ": dimension must be an integer, got '" + s + "'", e);
        }
    }
}
