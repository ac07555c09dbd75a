package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.core.geometry.HyperbolicModels;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.value.ValueType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How tables map onto entity types. Every table has a {@code key} TEXT column holding the entity's
 * user key: CREATE TABLE puts it first unless the statement declares a TEXT column named
 * {@code key} itself. Other columns are properties of the type, except {@code VECTOR(n, metric)}
 * columns, which are the collection's dense vector fields of that name (shared by every type that
 * names them). A single-column PRIMARY KEY or UNIQUE constraint gets a unique property index
 * ({@code TABLE_pk}, {@code TABLE_unique_COLUMN}); on {@code key} it needs none. An entity type
 * that SQL did not create reads as {@code key}, its properties in declaration order, then every
 * dense vector field of the collection (poincare and lorentz ones when their curvature is 1, the
 * curvature HyperQL's hyperbolic distances assume). Every declared position space of curvature 1
 * adds a computed, read-only column {@code KIND_position} (e.g. {@code graph_position}): the
 * entity's position as float32 Poincaré-ball coordinates, searched through the space's position
 * index. Stateless.
 */
final class TableSchemas {
    static final String KEY = "key";

    private TableSchemas() {
    }

    /** A property index that a PRIMARY KEY or UNIQUE constraint implies. */
    record AutoIndex(String name, String column) {
    }

    /** The schema with the {@code key} column, checked: prepended when not declared. */
    static TableSchema withKeyColumn(TableSchema schema) {
        int key = schema.indexOf(KEY);
        if (key >= 0) {
            ColumnSchema c = schema.columns().get(key);
            if (c.vector() != null || c.affinity() != Affinity.TEXT) {
                throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH,
                        "column " + schema.name() + ".key holds the entity key and must be declared TEXT");
            }
            return schema;
        }
        List<ColumnSchema> columns = new ArrayList<>();
        columns.add(ColumnSchema.of(KEY, "TEXT"));
        columns.addAll(schema.columns());
        return schema.withColumns(columns);
    }

    /**
     * The unique indexes the table's PRIMARY KEY and UNIQUE constraints need, named after the entity
     * type {@code type} holding its rows ({@code TYPE_pk}, {@code TYPE_unique_COLUMN}).
     */
    static List<AutoIndex> autoIndexes(TableSchema schema, String type) {
        List<AutoIndex> out = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        if (!schema.primaryKey().isEmpty()) {
            keys.add(schema.primaryKey());
        }
        keys.addAll(schema.uniqueKeys());
        for (int i = 0; i < keys.size(); i++) {
            List<String> k = keys.get(i);
            if (k.size() != 1) {
                throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "table " + schema.name()
                        + ": keys over several columns are not supported; declare a single-column key");
            }
            String column = schema.columns().get(schema.indexOf(k.getFirst())).name();
            if (column.equalsIgnoreCase(KEY)) {
                continue;
            }
            if (schema.columns().get(schema.indexOf(column)).vector() != null) {
                throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "a vector column cannot be a key");
            }
            String name = i == 0 && !schema.primaryKey().isEmpty() ? type + "_pk" : type + "_unique_" + column;
            out.add(new AutoIndex(name, column));
        }
        return out;
    }

    /** Declares the table's entity type {@code type}, its properties (in column order) and vector fields. */
    static void declare(SchemaEditor editor, String type, TableSchema schema) {
        Map<String, ValueType> properties = new LinkedHashMap<>();
        for (ColumnSchema c : schema.columns()) {
            if (c.name().equalsIgnoreCase(KEY)) {
                continue;
            }
            if (c.vector() != null) {
                declareVector(editor, c);
            } else {
                properties.put(c.name(), SqlTypes.storageType(c));
            }
        }
        editor.entityType(type, properties);
    }

    /** Declares one new column of a table on its entity type: the property {@code property}, or a vector field. */
    static void declareColumn(SchemaEditor editor, String type, String property, ColumnSchema column) {
        if (column.vector() != null) {
            declareVector(editor, column);
        } else {
            editor.entityType(type, Map.of(property, SqlTypes.storageType(column)));
        }
    }

    /** A vector column's field, with the index settings its type names. */
    private static void declareVector(SchemaEditor editor, ColumnSchema c) {
        editor.vectorField(c.name(), VectorKind.DENSE, c.vector().dimensions(), metric(c.vector().metric()));
        Map<String, Object> options = c.vector().indexOptions();
        if (!options.isEmpty()) {
            editor.vectorIndex(c.name(), settings -> settings.withAll(options));
        }
    }

    /** A table's schema without the columns the source computes (positions), as the catalog keeps it. */
    static TableSchema stored(TableSchema shown) {
        List<ColumnSchema> columns = shown.columns().stream().filter(c -> !c.computed()).toList();
        return shown.withColumns(columns);
    }

    /**
     * The table an entity type is (the table {@code table}, by lower-case name), as SQL declared it
     * or derived from the type, its columns bound to the properties and fields the catalog's
     * storage names say.
     */
    static TableLayout layout(Schema schema, EntityType type, SqlCatalog catalog, String table) {
        TableSchema declared = catalog.tables().get(table);
        TableSchema sql = declared != null ? declared : derived(schema, type);
        SqlCatalog.StorageNames stored = catalog.storageOf(table, type.name());
        List<ColumnBinding> bindings = new ArrayList<>();
        for (ColumnSchema c : sql.columns()) {
            if (c.name().equalsIgnoreCase(KEY)) {
                bindings.add(new ColumnBinding.Key());
            } else if (c.vector() != null) {
                bindings.add(new ColumnBinding.Vector(stored.of(c.name())));
            } else {
                PropertyDef def = type.property(stored.of(c.name())).orElseThrow(() -> new HqlExecutionException(
                        ErrorCode.HQL_STORAGE, "column " + type.name() + "." + c.name() + " has no property in the collection"));
                String index = SqlTypes.ordersLikeSql(def.type())
                        ? schema.propertyIndex(type.name(), def.name()).map(d -> d.name()).orElse(null) : null;
                bindings.add(new ColumnBinding.Property(def, index));
            }
        }
        List<ColumnSchema> columns = new ArrayList<>(sql.columns());
        for (PositionSpace space : schema.positionSpaces().values()) {
            String name = ColumnBinding.Position.columnName(space.kind());
            if (space.curvature() == 1.0 && sql.indexOf(name) < 0) {
                columns.add(new ColumnSchema(name, "VECTOR(" + space.dimension() + ", poincare)", Affinity.BLOB, false, null,
                        new ColumnSchema.VectorType(space.dimension(), io.hyperspatial.hyperql.source.VectorMetric.POINCARE),
                        true));
                bindings.add(new ColumnBinding.Position(space.kind(), new HyperbolicModels(space.curvature())));
            }
        }
        TableSchema shown = columns.size() == sql.columns().size() ? sql : sql.withColumns(columns);
        return new TableLayout(shown, type, bindings, catalog.uniqueIndexes());
    }

    private static TableSchema derived(Schema schema, EntityType type) {
        List<ColumnSchema> columns = new ArrayList<>();
        columns.add(ColumnSchema.of(KEY, "TEXT"));
        type.properties().values().stream().sorted(Comparator.comparingInt(PropertyDef::id))
                .forEach(p -> columns.add(ColumnSchema.of(p.name(), SqlTypes.declaredType(p.type()))));
        schema.vectorFields().values().stream().sorted(Comparator.comparingInt(VectorField::id)).forEach(f ->
                sqlMetric(f).ifPresent(m -> columns.add(new ColumnSchema(f.name(),
                        "VECTOR(" + f.dimension() + ", " + m.name().toLowerCase() + ")", Affinity.BLOB, false, null,
                        new ColumnSchema.VectorType(f.dimension(), m)))));
        return new TableSchema(type.name(), columns, List.of(KEY), List.of());
    }

    private static Optional<io.hyperspatial.hyperql.source.VectorMetric> sqlMetric(VectorField f) {
        if (f.kind() != VectorKind.DENSE) {
            return Optional.empty();
        }
        return switch (f.metric()) {
            case COSINE -> Optional.of(io.hyperspatial.hyperql.source.VectorMetric.COSINE);
            case L2 -> Optional.of(io.hyperspatial.hyperql.source.VectorMetric.L2);
            case DOT -> Optional.of(io.hyperspatial.hyperql.source.VectorMetric.DOT);
            case POINCARE -> f.curvature() == 1.0 ? Optional.of(io.hyperspatial.hyperql.source.VectorMetric.POINCARE)
                    : Optional.empty();
            case LORENTZ -> f.curvature() == 1.0 ? Optional.of(io.hyperspatial.hyperql.source.VectorMetric.LORENTZ)
                    : Optional.empty();
        };
    }

    private static io.hyperspatial.manifold.schema.VectorMetric metric(io.hyperspatial.hyperql.source.VectorMetric m) {
        return switch (m) {
            case L2 -> io.hyperspatial.manifold.schema.VectorMetric.L2;
            case COSINE -> io.hyperspatial.manifold.schema.VectorMetric.COSINE;
            case DOT -> io.hyperspatial.manifold.schema.VectorMetric.DOT;
            case POINCARE -> io.hyperspatial.manifold.schema.VectorMetric.POINCARE;
            case LORENTZ -> io.hyperspatial.manifold.schema.VectorMetric.LORENTZ;
        };
    }
}
