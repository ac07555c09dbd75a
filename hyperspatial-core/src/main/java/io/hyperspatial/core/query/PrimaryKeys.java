package io.hyperspatial.core.query;

import io.hyperspatial.manifold.table.EntityRecord;
import io.hyperspatial.manifold.table.PropertyRow;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;

/**
 * Entity keys derived from a table's primary key. A row SQL inserts without a {@code key} gets
 * {@code TYPE:VALUE} when its table has a one-column INTEGER or TEXT primary key (row 42 of
 * {@code item} is the entity {@code item:42}), so a lookup by that key can compute the entity id
 * and read the row with one point read instead of a seek in the key's unique index and then a read.
 * The derived key is only a first guess: rows written with other keys (through the API, before
 * keys were derived, or whose primary key an UPDATE changed) are found through the index, which
 * stays. A guess is taken only when the row found holds the value looked for ({@link #holds}).
 * Stateless.
 */
final class PrimaryKeys {
    private PrimaryKeys() {
    }

    /** The key derived for a primary-key value of an entity type, or null when the value is not an integer or text. */
    static String key(String entityType, Object value) {
        return switch (value) {
            case Long l -> entityType + ":" + l;
            case String s -> entityType + ":" + s;
            case null, default -> null;
        };
    }

    /** Whether a stored entity row is of {@code typeId} and holds {@code value} as property {@code propertyId}. */
    static boolean holds(byte[] row, int typeId, int propertyId, Value value) {
        if (row == null || EntityRecord.typeIdOf(row) != typeId) {
            return false;
        }
        byte[] stored = PropertyRow.find(row, propertyId);
        return stored != null && ValueCodec.decode(stored).equals(value);
    }
}
