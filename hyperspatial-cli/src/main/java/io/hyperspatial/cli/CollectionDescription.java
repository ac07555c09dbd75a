package io.hyperspatial.cli;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.CollectionStats;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.VectorField;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code describe} reports about one collection: its schema in a stable order, exact entity
 * counts (total and per type, from one scan of one snapshot) and storage stats.
 *
 * @param entitiesByType every declared entity type's exact count (0 if none), by name
 */
record CollectionDescription(String name, long entities, Map<String, Long> entitiesByType, Schema schema,
                             CollectionStats stats) {

    /** Scans the collection's entities once, O(entities). */
    static CollectionDescription of(Collection collection) {
        Map<String, Long> byType = new TreeMap<>();
        Schema schema = collection.read(view -> {
            view.schema().entityTypes().keySet().forEach(t -> byType.put(t, 0L));
            view.entities().forEach(e -> byType.merge(e.type(), 1L, Long::sum));
            return view.schema();
        });
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        return new CollectionDescription(collection.name(), total, byType, schema, collection.stats());
    }

    List<EntityType> entityTypes() {
        return sorted(schema.entityTypes(), Comparator.comparing(EntityType::name));
    }

    /** An entity type's properties in declaration order. */
    static List<PropertyDef> properties(EntityType type) {
        return sorted(type.properties(), Comparator.comparingInt(PropertyDef::id));
    }

    List<VectorField> vectorFields() {
        return sorted(schema.vectorFields(), Comparator.comparing(VectorField::name));
    }

    List<EdgeType> edgeTypes() {
        return sorted(schema.edgeTypes(), Comparator.comparing(EdgeType::name));
    }

    List<MeasureDef> measures() {
        return sorted(schema.measures(), Comparator.comparing(MeasureDef::name));
    }

    private static <T> List<T> sorted(Map<String, T> byName, Comparator<T> order) {
        return byName.values().stream().sorted(order).toList();
    }
}
