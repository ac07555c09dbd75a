package io.hyperspatial.core.query;

import io.hyperspatial.core.geometry.HyperbolicModels;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.table.PositionKind;

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

    /**
     * The entity's position of one kind, shown read-only as float32 Poincaré-ball coordinates of
     * the declared space (curvature 1), e.g. {@code graph_position}.
     */
    record Position(PositionKind kind, HyperbolicModels models) implements ColumnBinding {
        /** The column's name: {@code graph_position}, {@code embedding_position}, {@code property_position}. */
        static String columnName(PositionKind kind) {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "_position";
        }
    }
}
