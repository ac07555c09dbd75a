package io.hyperspatial.cli.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.VectorKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@link CollectionSchema} from where it lives: an open collection's schema and its HyperQL
 * data source (the SQL tables exactly as the engine sees them), or a server's collection
 * description ({@code GET /v1/collections/{c}}), whose SQL tables are derived from the entity
 * types as HyperQL derives the tables of types declared through the API: {@code key}, the
 * properties, then every dense cosine, L2 or dot vector field. Stateless.
 */
public final class CollectionSchemas {
    private static final Set<String> SQL_METRICS = Set.of("cosine", "l2", "dot");
    /** The reserved entity type where HyperQL keeps its catalog: not a table, and not shown. */
    private static final String HQL_CATALOG = "_hql_catalog";

    private CollectionSchemas() {
    }

    /** The schema of a collection open in this process; {@code sql} is HyperQL's view of it. */
    public static CollectionSchema of(String collection, Schema schema, DataSource sql) {
        List<CollectionSchema.EntityType> types = schema.entityTypes().values().stream()
                .filter(t -> !t.name().equals(HQL_CATALOG))
                .map(t -> new CollectionSchema.EntityType(t.name(), t.properties().values().stream()
                        .sorted(Comparator.comparingInt(PropertyDef::id))
                        .map(p -> new CollectionSchema.Property(p.name(), p.type().displayName())).toList()))
                .sorted(Comparator.comparing(CollectionSchema.EntityType::name)).toList();
        List<CollectionSchema.VectorField> fields = schema.vectorFields().values().stream()
                .map(f -> new CollectionSchema.VectorField(f.name(), lower(f.kind().name()), f.dimension(),
                        f.metric().displayName(), f.curvature(),
                        f.kind() == VectorKind.DENSE ? CollectionSchema.VectorIndex.of(f.index()) : null))
                .sorted(Comparator.comparing(CollectionSchema.VectorField::name)).toList();
        List<String> edges = schema.edgeTypes().keySet().stream().sorted().toList();
        List<CollectionSchema.Measure> measures = schema.measures().values().stream()
                .map(m -> new CollectionSchema.Measure(m.name(), m.retention().toSeconds()))
                .sorted(Comparator.comparing(CollectionSchema.Measure::name)).toList();
        List<CollectionSchema.PositionSpace> positions = schema.positionSpaces().values().stream()
                .map(p -> new CollectionSchema.PositionSpace(lower(p.kind().name()), p.dimension(), p.curvature(),
                        p.edgeTypes()))
                .sorted(Comparator.comparing(CollectionSchema.PositionSpace::kind)).toList();
        List<CollectionSchema.PropertyIndex> indexes = schema.propertyIndexes().values().stream()
                .map(i -> new CollectionSchema.PropertyIndex(i.name(), i.entityType(), i.property()))
                .sorted(Comparator.comparing(CollectionSchema.PropertyIndex::name)).toList();
        List<CollectionSchema.Table> tables = new ArrayList<>();
        for (String name : sql.tableNames()) {
            sql.table(name).ifPresent(t -> tables.add(new CollectionSchema.Table(t.schema().name(),
                    t.schema().columns().stream().map(CollectionSchemas::column).toList())));
        }
        return new CollectionSchema(collection, schema.revision(), types, fields, edges, measures, positions, indexes,
                tables);
    }

    /** The schema in a server's collection description, the {@code schema} member of {@code GET /v1/collections/{c}}. */
    public static CollectionSchema fromJson(String collection, JsonNode schema) {
        List<CollectionSchema.EntityType> types = new ArrayList<>();
        schema.path("entity_types").properties().forEach(type -> {
            if (type.getKey().equals(HQL_CATALOG)) {
                return;
            }
            List<CollectionSchema.Property> properties = new ArrayList<>();
            type.getValue().properties().forEach(p -> properties.add(new CollectionSchema.Property(p.getKey(),
                    p.getValue().asText())));
            types.add(new CollectionSchema.EntityType(type.getKey(), properties));
        });
        List<CollectionSchema.VectorField> fields = new ArrayList<>();
        schema.path("vector_fields").properties().forEach(f -> {
            JsonNode index = f.getValue().path("index");
            fields.add(new CollectionSchema.VectorField(f.getKey(), f.getValue().path("kind").asText("dense"),
                    f.getValue().path("dimension").asInt(), f.getValue().path("metric").asText(),
                    f.getValue().path("curvature").asDouble(1.0), index.isObject()
                    ? new CollectionSchema.VectorIndex(index.path("m").asInt(), index.path("ef_construction").asInt(),
                    index.path("ef_search").asInt(), index.path("quantization").asText()) : null));
        });
        List<String> edges = new ArrayList<>();
        schema.path("edge_types").forEach(e -> edges.add(e.asText()));
        List<CollectionSchema.Measure> measures = new ArrayList<>();
        schema.path("measures").properties().forEach(m -> measures.add(new CollectionSchema.Measure(m.getKey(),
                m.getValue().path("retention_seconds").asLong())));
        List<CollectionSchema.PositionSpace> positions = new ArrayList<>();
        schema.path("position_spaces").properties().forEach(p -> {
            List<String> hierarchy = new ArrayList<>();
            p.getValue().path("edge_types").forEach(e -> hierarchy.add(e.asText()));
            positions.add(new CollectionSchema.PositionSpace(p.getKey(), p.getValue().path("dimension").asInt(),
                    p.getValue().path("curvature").asDouble(1.0), hierarchy));
        });
        List<CollectionSchema.PropertyIndex> indexes = new ArrayList<>();
        schema.path("property_indexes").properties().forEach(i -> indexes.add(new CollectionSchema.PropertyIndex(
                i.getKey(), i.getValue().path("entity_type").asText(), i.getValue().path("property").asText())));
        types.sort(Comparator.comparing(CollectionSchema.EntityType::name));
        fields.sort(Comparator.comparing(CollectionSchema.VectorField::name));
        return new CollectionSchema(collection, schema.path("revision").asLong(), types, fields, edges.stream().sorted().toList(),
                measures, positions, indexes, derivedTables(types, fields));
    }

    private static List<CollectionSchema.Table> derivedTables(List<CollectionSchema.EntityType> types,
                                                              List<CollectionSchema.VectorField> fields) {
        List<CollectionSchema.Column> vectors = fields.stream()
                .filter(f -> f.kind().equals("dense") && SQL_METRICS.contains(f.metric()))
                .map(f -> new CollectionSchema.Column(f.name(), "VECTOR(" + f.dimension() + ", " + f.metric() + ")")).toList();
        List<CollectionSchema.Table> tables = new ArrayList<>();
        for (CollectionSchema.EntityType type : types) {
            List<CollectionSchema.Column> columns = new ArrayList<>();
            columns.add(new CollectionSchema.Column("key", "TEXT"));
            type.properties().forEach(p -> columns.add(new CollectionSchema.Column(p.name(), sqlType(p.type()))));
            columns.addAll(vectors);
            tables.add(new CollectionSchema.Table(type.name(), columns));
        }
        return tables;
    }

    /** The declared SQL type HyperQL gives a property of this storage type. */
    private static String sqlType(String storageType) {
        return switch (storageType) {
            case "int64" -> "INTEGER";
            case "float64" -> "REAL";
            case "string" -> "TEXT";
            case "bytes" -> "BLOB";
            case "bool" -> "BOOLEAN";
            case "timestamp" -> "TIMESTAMP";
            default -> "JSON";
        };
    }

    private static CollectionSchema.Column column(ColumnSchema c) {
        return new CollectionSchema.Column(c.name(), c.declaredType());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
