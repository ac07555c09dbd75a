package io.hyperspatial.manifold.schema;

import java.util.Map;
import java.util.Optional;

/** A declared entity type and its properties (by name). {@code id} is the stable key used on disk. */
public record EntityType(String name, int id, Map<String, PropertyDef> properties) {
    public EntityType {
        properties = Map.copyOf(properties);
    }

    public Optional<PropertyDef> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}
