package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.value.ValueType;

/** A declared property of an entity type. {@code id} is the stable key used on disk. */
public record PropertyDef(String name, int id, ValueType type) {
}
