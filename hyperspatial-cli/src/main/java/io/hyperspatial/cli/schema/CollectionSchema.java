package io.hyperspatial.cli.schema;

import io.hyperspatial.manifold.schema.VectorIndexSettings;

import java.util.List;
import java.util.Optional;

/**
 * One collection's schema, the same whether it was read in process or from a server: entity types
 * with typed properties, vector fields, edge types, measures, position spaces, property indexes,
 * and the SQL tables HyperQL sees over them (for completion and {@code .schema TABLE}). Every list
 * is sorted by name (properties and columns keep their order). Immutable.
 */
public record CollectionSchema(String collection, long revision, List<EntityType> entityTypes,
                               List<VectorField> vectorFields, List<String> edgeTypes, List<Measure> measures,
                               List<PositionSpace> positionSpaces, List<PropertyIndex> indexes, List<Table> tables) {
    public CollectionSchema {
        entityTypes = List.copyOf(entityTypes);
        vectorFields = List.copyOf(vectorFields);
        edgeTypes = List.copyOf(edgeTypes);
        measures = List.copyOf(measures);
        positionSpaces = List.copyOf(positionSpaces);
        indexes = List.copyOf(indexes);
        tables = List.copyOf(tables);
    }

    /** A schema with nothing in it, for a collection that could not be read. */
    public static CollectionSchema empty(String collection) {
        return new CollectionSchema(collection, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The SQL table of that name, compared case-insensitively as HyperQL does. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }

    /** An entity type and its properties in declaration order. */
    public record EntityType(String name, List<Property> properties) {
        public EntityType {
            properties = List.copyOf(properties);
        }
    }

    /** A property and its storage type's name ({@code int64}, {@code string}…). */
    public record Property(String name, String type) {
    }

    /**
     * A vector field: kind ({@code dense}, {@code sparse}, {@code multi}), dimension, metric,
     * curvature, and for a dense field the settings of its index (null for the others).
     */
    public record VectorField(String name, String kind, int dimension, String metric, double curvature, VectorIndex index) {
    }

    /** How a dense field's HNSW index is built and searched; {@code quantization} is none, int8 or binary. */
    public record VectorIndex(int m, int efConstruction, int efSearch, String quantization) {
        /** The settings a schema declares. */
        public static VectorIndex of(VectorIndexSettings s) {
            return new VectorIndex(s.m(), s.efConstruction(), s.efSearch(), s.quantization().displayName());
        }

        /** {@code m=16 ef_construction=200 ef_search=64 quantization=none}: the names HyperQL's WITH (...) takes. */
        public String text() {
            return "m=" + m + " ef_construction=" + efConstruction + " ef_search=" + efSearch + " quantization=" + quantization;
        }
    }

    /** A time series and how long its points are kept (0: forever). */
    public record Measure(String name, long retentionSeconds) {
    }

    /**
     * The positions of one kind ({@code graph}, {@code embedding}, {@code property}): points of a
     * hyperboloid of {@code dimension} spatial dimensions, learned (for graph) from {@code edgeTypes}.
     */
    public record PositionSpace(String kind, int dimension, double curvature, List<String> edgeTypes) {
        public PositionSpace {
            edgeTypes = List.copyOf(edgeTypes);
        }
    }

    /** A property index on one entity type's property. */
    public record PropertyIndex(String name, String entityType, String property) {
    }

    /** A SQL table (an entity type as HyperQL sees it) and its columns in order. */
    public record Table(String name, List<Column> columns) {
        public Table {
            columns = List.copyOf(columns);
        }
    }

    /** A SQL column and its declared type ({@code TEXT}, {@code VECTOR(3, cosine)}…). */
    public record Column(String name, String type) {
    }
}
