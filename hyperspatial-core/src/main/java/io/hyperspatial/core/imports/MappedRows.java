package io.hyperspatial.core.imports;

import io.hyperspatial.core.imports.ImportMapping.EdgeColumn;
import io.hyperspatial.core.imports.ImportMapping.PropertyColumn;
import io.hyperspatial.core.imports.ImportMapping.VectorColumn;
import io.hyperspatial.core.imports.ImportedEntity.ImportedEdge;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Entities from rows through an {@link ImportMapping}: the key column, the entity type (fixed or
 * from a column; a type seen for the first time is declared with the mapping's properties through
 * {@code declareType}), typed property columns, dense vector columns and edge columns. A missing
 * or null value (in CSV, an empty cell) leaves that part out. Conversion errors name the column.
 * Not thread-safe.
 */
final class MappedRows implements EntitySource {
    private final SourceRows rows;
    private final ImportMapping mapping;
    private final Supplier<Schema> schema;
    private final Consumer<String> declareType;

    MappedRows(SourceRows rows, ImportMapping mapping, Supplier<Schema> schema, Consumer<String> declareType) {
        this.rows = rows;
        this.mapping = mapping;
        this.schema = schema;
        this.declareType = declareType;
    }

    @Override
    public ImportedEntity next() throws IOException {
        SourceRows.Row row = rows.next();
        if (row == null) {
            return null;
        }
        long line = row.line();
        Object rawKey = raw(row, mapping.keyColumn());
        if (rawKey == null || rawKey instanceof Map<?, ?> || rawKey instanceof List<?>) {
            throw RowException.invalid(line, mapping.keyColumn(), "the key column must hold a string, got "
                    + JsonTree.kind(rawKey));
        }
        String type = mapping.type() != null ? mapping.type() : typeOf(row);
        Map<String, Value> properties = new LinkedHashMap<>();
        for (PropertyColumn p : mapping.properties()) {
            Object raw = raw(row, p.column());
            if (raw != null) {
                try {
                    properties.put(p.name(), ImportValues.value(raw, p.type()));
                } catch (IllegalArgumentException e) {
                    throw RowException.invalid(line, p.column(), "property " + p.name() + " (" + p.type().displayName()
                            + "): " + e.getMessage());
                }
            }
        }
        Map<String, VectorData> vectors = new LinkedHashMap<>();
        for (VectorColumn v : mapping.vectors()) {
            Object raw = raw(row, v.column());
            if (raw != null) {
                try {
                    vectors.put(v.field(), new VectorData.Dense(ImportValues.floats(raw)));
                } catch (IllegalArgumentException e) {
                    throw RowException.invalid(line, v.column(), "vector " + v.field() + ": " + e.getMessage());
                }
            }
        }
        List<ImportedEdge> edges = new ArrayList<>();
        for (EdgeColumn e : mapping.edges()) {
            Object raw = raw(row, e.column());
            if (raw != null) {
                float weight = weight(row, e);
                for (String target : targets(line, e.column(), raw)) {
                    edges.add(new ImportedEdge(e.edgeType(), target, null, weight));
                }
            }
        }
        ImportedEntity entity = new ImportedEntity(line, String.valueOf(rawKey), null, type, properties, vectors, edges,
                Map.of(), Map.of());
        EntityCheck.check(schema.get(), entity);
        return entity;
    }

    private String typeOf(SourceRows.Row row) {
        Object raw = raw(row, mapping.typeColumn());
        if (!(raw instanceof String type)) {
            throw RowException.invalid(row.line(), mapping.typeColumn(), "the type column must hold a type name, got "
                    + JsonTree.kind(raw));
        }
        if (!schema.get().entityTypes().containsKey(type)) {
            try {
                declareType.accept(type);
            } catch (ManifoldException e) {
                throw RowException.of(row.line(), mapping.typeColumn(), e);
            }
        }
        return type;
    }

    private float weight(SourceRows.Row row, EdgeColumn e) {
        if (e.weightColumn() == null) {
            return 1f;
        }
        Object raw = raw(row, e.weightColumn());
        if (raw == null) {
            return 1f;
        }
        try {
            return (float) ((Value.FloatValue) ImportValues.value(raw, io.hyperspatial.manifold.value.ValueType.FLOAT64)).value();
        } catch (IllegalArgumentException ex) {
            throw RowException.invalid(row.line(), e.weightColumn(), "edge weight: " + ex.getMessage());
        }
    }

    private List<String> targets(long line, String column, Object raw) {
        List<String> targets = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object t : list) {
                if (!(t instanceof String s) || s.isEmpty()) {
                    throw RowException.invalid(line, column, "edge targets must be non-empty key strings, got "
                            + JsonTree.kind(t));
                }
                targets.add(s);
            }
        } else if (raw instanceof String s) {
            for (String part : s.split(java.util.regex.Pattern.quote(mapping.delimiter()))) {
                if (!part.isBlank()) {
                    targets.add(part.strip());
                }
            }
        } else {
            throw RowException.invalid(line, column, "edge targets must be a key, keys separated by '"
                    + mapping.delimiter() + "', or an array of keys; got " + JsonTree.kind(raw));
        }
        return targets;
    }

    /** The raw value of a column, null when absent (or empty, in CSV). */
    private Object raw(SourceRows.Row row, String column) {
        Object v = row.fields().get(column);
        if (v instanceof String s && s.isEmpty() && rows.emptyIsAbsent()) {
            return null;
        }
        return v;
    }
}
