package io.hyperspatial.core.query;

import io.hyperspatial.manifold.schema.PropertyDef;

/** Where a SQL column's values live in a collection. */
sealed interface ColumnBinding {
    /** The entity's user key: lookups by it go through the deterministic entity id. */
    record Key() implements ColumnBinding {
    }

    /**
     * A property of the entity type.
     *
     * @param index the property index over it, or null
     */
    record Property(PropertyDef def, String index) implements ColumnBinding {
    }

    /** A dense vector field of the collection. */
    record Vector(String field) implements ColumnBinding {
    }
}
