package io.hyperspatial.core.query;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.TableReads;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.value.Value;

import java.util.UUID;

/**
 * Uniqueness over property indexes: whether a value is taken by another entity, and whether an
 * index already holds a duplicate. NULLs never collide (they are not indexed). Stateless.
 */
final class UniqueKeys {
    private UniqueKeys() {
    }

    /** Another entity (not {@code self}) whose indexed value equals {@code value}, or null. */
    static UUID holder(TableReads view, String index, Value value, UUID self) {
        for (UUID other : view.propertyIndexes().equal(index, value)) {
            if (!other.equals(self)) {
                return other;
            }
        }
        return null;
    }

    /** Whether two entities in the index share a value (equal values are adjacent in index order). */
    static boolean hasDuplicates(Collection collection, String index, PropertyDef property) {
        return collection.read(view -> {
            Value previous = null;
            for (UUID id : view.propertyIndexes().all(index)) {
                Value value = view.properties().get(id, property).orElse(Value.NULL);
                if (previous != null && sameKey(previous, value)) {
                    return true;
                }
                previous = value;
            }
            return false;
        });
    }

    private static boolean sameKey(Value a, Value b) {
        return java.util.Arrays.equals(io.hyperspatial.manifold.table.IndexKeyCodec.encode(a),
                io.hyperspatial.manifold.table.IndexKeyCodec.encode(b));
    }
}
