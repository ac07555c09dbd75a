package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.source.CheckConstraint;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.source.ViewDefinition;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.manifold.TableReads;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What SQL declares beyond the manifold schema, kept in the collection itself as one entity of
 * the reserved type {@value #TYPE}: each CREATE TABLE's column list as written (order, declared
 * types, NOT NULL, defaults, keys), views, and which property indexes are UNIQUE. Entity types
 * without a definition here (declared through the API) are still tables, with columns derived
 * from their properties. Immutable snapshot; the writes go through a {@link Transaction}.
 *
 * <p>Manifold cannot rename an entity type or a property (their names are how the API and the
 * change feed name them), so ALTER TABLE ... RENAME renames them here: {@code storage} records,
 * for a table whose names differ from the storage's, which entity type holds its rows and which
 * property or vector field holds each renamed column.
 *
 * @param tables        definitions by lower-case table name
 * @param storage       where a table's rows and columns are stored, by lower-case table name, for
 *                      the tables whose names differ from their storage's (others: the same names)
 * @param views         views by lower-case name
 * @param uniqueIndexes names of the property indexes that enforce uniqueness
 */
record SqlCatalog(Map<String, TableSchema> tables, Map<String, StorageNames> storage, Map<String, ViewDefinition> views,
                  Set<String> uniqueIndexes) {
    /** The entity type of the catalog entity; hidden from the table list. */
    static final String TYPE = "_hql_catalog";
    /** The catalog entity's id, fixed (it has no user key, so it cannot collide with one). */
    static final UUID ID = UUID.nameUUIDFromBytes("hyperql-catalog".getBytes(StandardCharsets.UTF_8));
    static final SqlCatalog EMPTY = new SqlCatalog(Map.of(), Map.of(), Map.of(), Set.of());

    /**
     * The storage names of a table: the entity type holding its rows, and the property or vector
     * field of each column whose name differs from the column's (by lower-case column name).
     */
    record StorageNames(String entityType, Map<String, String> columns) {
        StorageNames {
            columns = Map.copyOf(columns);
        }

        /** The property or vector field holding the column. */
        String of(String column) {
            return columns.getOrDefault(key(column), column);
        }

        /** These names without the column's entry. */
        StorageNames without(String column) {
            Map<String, String> next = new LinkedHashMap<>(columns);
            next.remove(key(column));
            return new StorageNames(entityType, next);
        }

        /** These names with the column stored as {@code stored}; no entry when they are the same. */
        StorageNames withColumn(String column, String stored) {
            Map<String, String> next = new LinkedHashMap<>(columns);
            next.remove(key(column));
            if (!column.equals(stored)) {
                next.put(key(column), stored);
            }
            return new StorageNames(entityType, next);
        }
    }

    SqlCatalog {
        tables = Map.copyOf(tables);
        storage = Map.copyOf(storage);
        views = Map.copyOf(views);
        uniqueIndexes = Set.copyOf(uniqueIndexes);
    }

    /** Declares the catalog's entity type. */
    static void declare(SchemaEditor editor) {
        editor.entityType(TYPE, Map.of("tables", ValueType.MAP, "views", ValueType.MAP, "unique_indexes", ValueType.LIST));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The name among {@code declared} (edge types, vector fields… as the schema spells them) that
     * SQL takes {@code name} for: the same spelling, else one equal but for case.
     */
    static Optional<String> declaredName(Set<String> declared, String name) {
        return declared.contains(name) ? Optional.of(name)
                : declared.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /** The catalog as stored, or empty when SQL never declared anything. */
    static SqlCatalog read(TableReads view) {
        if (!view.schema().entityTypes().containsKey(TYPE)) {
            return EMPTY;
        }
        Map<String, Value> stored = view.properties().all(ID);
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        Map<String, StorageNames> storage = new LinkedHashMap<>();
        if (stored.get("tables") instanceof Value.MapValue m) {
            m.entries().forEach((name, definition) -> {
                Map<String, Value> t = ((Value.MapValue) definition).entries();
                tables.put(name, decodeTable((Value.MapValue) definition));
                if (t.get("entity_type") instanceof Value.StringValue type) {
                    Map<String, String> columns = new LinkedHashMap<>();
                    ((Value.MapValue) t.get("stored_as")).entries().forEach((c, s) -> columns.put(c, text(s)));
                    storage.put(name, new StorageNames(type.value(), columns));
                }
            });
        }
        Map<String, ViewDefinition> views = new LinkedHashMap<>();
        if (stored.get("views") instanceof Value.MapValue m) {
            m.entries().forEach((name, definition) -> {
                Map<String, Value> v = ((Value.MapValue) definition).entries();
                views.put(name, new ViewDefinition(text(v.get("name")), texts(v.get("columns")), text(v.get("select"))));
            });
        }
        Set<String> unique = new LinkedHashSet<>();
        if (stored.get("unique_indexes") instanceof Value.ListValue l) {
            unique.addAll(texts(l));
        }
        return new SqlCatalog(tables, storage, views, unique);
    }

    /** Writes this catalog (the entity type must be declared). */
    void write(Transaction tx) {
        tx.upsertEntity(ID, TYPE);
        Map<String, Value> tableValues = new LinkedHashMap<>();
        tables.forEach((name, schema) -> tableValues.put(name, encodeTable(schema, storage.get(name))));
        Map<String, Value> viewValues = new LinkedHashMap<>();
        views.forEach((name, v) -> viewValues.put(name, Value.map(Map.of("name", Value.of(v.name()),
                "columns", Value.list(v.columnNames().stream().map(Value::of).toList()),
                "select", Value.of(v.selectText())))));
        tx.patchProperties(ID, Map.of("tables", Value.map(tableValues), "views", Value.map(viewValues),
                "unique_indexes", Value.list(uniqueIndexes.stream().sorted().map(Value::of).toList())));
    }

    SqlCatalog withTable(TableSchema schema) {
        Map<String, TableSchema> t = new LinkedHashMap<>(tables);
        t.put(key(schema.name()), schema);
        return new SqlCatalog(t, storage, views, uniqueIndexes);
    }

    /** With the table stored under {@code names} (dropped when they are the table's own and hold no renamed column). */
    SqlCatalog withTable(TableSchema schema, StorageNames names) {
        Map<String, StorageNames> s = new LinkedHashMap<>(storage);
        s.remove(key(schema.name()));
        if (!names.entityType().equals(schema.name()) || !names.columns().isEmpty()) {
            s.put(key(schema.name()), names);
        }
        return new SqlCatalog(tables, s, views, uniqueIndexes).withTable(schema);
    }

    SqlCatalog withoutTable(String name, Set<String> droppedIndexes) {
        Map<String, TableSchema> t = new LinkedHashMap<>(tables);
        t.remove(key(name));
        Map<String, StorageNames> s = new LinkedHashMap<>(storage);
        s.remove(key(name));
        Set<String> u = new LinkedHashSet<>(uniqueIndexes);
        u.removeAll(droppedIndexes);
        return new SqlCatalog(t, s, views, u);
    }

    /** The storage names of a table (its own, when the catalog records none) */
    StorageNames storageOf(String table, String entityType) {
        return storage.getOrDefault(key(table), new StorageNames(entityType, Map.of()));
    }

    /**
     * The key of the table that shows an entity type: the table renamed from it, else the one
     * of its own name, unless a table of that name is stored elsewhere (then none: the type is hidden).
     */
    Optional<String> tableOf(String entityType) {
        for (Map.Entry<String, StorageNames> e : storage.entrySet()) {
            if (e.getValue().entityType().equals(entityType)) {
                return Optional.of(e.getKey());
            }
        }
        return storage.containsKey(key(entityType)) ? Optional.empty() : Optional.of(key(entityType));
    }

    SqlCatalog withView(ViewDefinition view) {
        Map<String, ViewDefinition> v = new LinkedHashMap<>(views);
        v.put(key(view.name()), view);
        return new SqlCatalog(tables, storage, v, uniqueIndexes);
    }

    SqlCatalog withoutView(String name) {
        Map<String, ViewDefinition> v = new LinkedHashMap<>(views);
        v.remove(key(name));
        return new SqlCatalog(tables, storage, v, uniqueIndexes);
    }

    SqlCatalog withUniqueIndex(String index, boolean unique) {
        Set<String> u = new LinkedHashSet<>(uniqueIndexes);
        if (unique) {
            u.add(index);
        } else {
            u.remove(index);
        }
        return new SqlCatalog(tables, storage, views, u);
    }

    private static Value encodeTable(TableSchema schema, StorageNames names) {
        List<Value> columns = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            Map<String, Value> column = new LinkedHashMap<>();
            column.put("name", Value.of(c.name()));
            column.put("type", Value.of(c.declaredType()));
            column.put("not_null", Value.of(c.notNull()));
            if (c.defaultValue() instanceof ColumnSchema.Expression e) {
                column.put("default_expression", Value.of(e.sql()));
            } else if (c.defaultValue() != null) {
                column.put("default", SqlTypes.probe(c.defaultValue()));
            }
            if (c.vector() != null) {
                column.put("dimensions", Value.of((long) c.vector().dimensions()));
                column.put("metric", Value.of(c.vector().metric().name()));
            }
            columns.add(Value.map(column));
        }
        List<Value> unique = schema.uniqueKeys().stream()
                .map(k -> Value.list(k.stream().map(Value::of).toList())).toList();
        Map<String, Value> table = new java.util.LinkedHashMap<>(Map.of("name", Value.of(schema.name()),
                "columns", Value.list(columns), "primary_key", Value.list(schema.primaryKey().stream().map(Value::of).toList()),
                "unique", Value.list(unique)));
        if (names != null) {
            Map<String, Value> columnsStored = new LinkedHashMap<>();
            names.columns().forEach((c, s) -> columnsStored.put(c, Value.of(s)));
            table.put("entity_type", Value.of(names.entityType()));
            table.put("stored_as", Value.map(columnsStored));
        }
        if (!schema.uniqueOnTable().isEmpty()) {
            table.put("unique_on_table", Value.list(schema.uniqueOnTable().stream().sorted().map(Value::of).toList()));
        }
        if (!schema.checks().isEmpty()) {
            table.put("checks", Value.list(schema.checks().stream().map(SqlCatalog::encodeCheck).toList()));
        }
        return Value.map(table);
    }

    private static TableSchema decodeTable(Value.MapValue stored) {
        Map<String, Value> t = stored.entries();
        List<ColumnSchema> columns = new ArrayList<>();
        for (Value cv : ((Value.ListValue) t.get("columns")).values()) {
            Map<String, Value> c = ((Value.MapValue) cv).entries();
            String type = text(c.get("type"));
            ColumnSchema.VectorType vector = c.containsKey("dimensions")
                    ? new ColumnSchema.VectorType((int) ((Value.IntValue) c.get("dimensions")).value(),
                    VectorMetric.valueOf(text(c.get("metric"))))
                    : null;
            columns.add(new ColumnSchema(text(c.get("name")), type,
                    vector != null ? Affinity.BLOB : Affinity.ofDeclaredType(type),
                    ((Value.BoolValue) c.get("not_null")).value(), c.containsKey("default_expression")
                    ? new ColumnSchema.Expression(text(c.get("default_expression"))) : defaultOf(c.get("default")), vector));
        }
        List<List<String>> unique = ((Value.ListValue) t.get("unique")).values().stream().map(SqlCatalog::texts).toList();
        List<CheckConstraint> checks = t.get("checks") instanceof Value.ListValue l
                ? l.values().stream().map(SqlCatalog::decodeCheck).toList() : List.of();
        Set<String> uniqueOnTable = t.get("unique_on_table") instanceof Value.ListValue u ? Set.copyOf(texts(u)) : Set.of();
        return new TableSchema(text(t.get("name")), columns, texts(t.get("primary_key")), unique, checks, uniqueOnTable);
    }

    /** A CHECK constraint as a map of its expression and, when it has them, its name and column. */
    private static Value encodeCheck(CheckConstraint check) {
        Map<String, Value> c = new LinkedHashMap<>();
        c.put("expression", Value.of(check.expression()));
        if (check.name() != null) {
            c.put("name", Value.of(check.name()));
        }
        if (check.column() != null) {
            c.put("column", Value.of(check.column()));
        }
        return Value.map(c);
    }

    /** A CHECK constraint as {@link #encodeCheck} writes it, or as catalogs before it did: the expression's text alone. */
    private static CheckConstraint decodeCheck(Value v) {
        if (v instanceof Value.StringValue s) {
            return CheckConstraint.of(s.value());
        }
        Map<String, Value> c = ((Value.MapValue) v).entries();
        return new CheckConstraint(c.containsKey("name") ? text(c.get("name")) : null,
                c.containsKey("column") ? text(c.get("column")) : null, text(c.get("expression")));
    }

    private static Object defaultOf(Value v) {
        return switch (v) {
            case null -> null;
            case Value.IntValue i -> i.value();
            case Value.FloatValue f -> f.value();
            case Value.StringValue s -> s.value();
            case Value.BytesValue b -> new Blob(b.value());
            default -> null;
        };
    }

    private static String text(Value v) {
        return ((Value.StringValue) v).value();
    }

    private static List<String> texts(Value v) {
        return ((Value.ListValue) v).values().stream().map(SqlCatalog::text).toList();
    }
}
