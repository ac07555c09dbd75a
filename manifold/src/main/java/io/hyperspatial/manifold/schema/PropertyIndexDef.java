package io.hyperspatial.manifold.schema;

/**
 * A declared property index: entities of {@code entityType} ordered by their value of
 * {@code property}, for equality and range lookups. Names are unique within a collection. The
 * index is kept in the {@code property_index} column family and changed in the same atomic write
 * as the property, so a read after a commit sees it.
 */
public record PropertyIndexDef(String name, String entityType, String property) {
}
