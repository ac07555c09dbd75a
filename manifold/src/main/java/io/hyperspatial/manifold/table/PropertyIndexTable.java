package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.PropertyIndexDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.Value;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads the property indexes: the entities of a type whose indexed property equals a value, or
 * lies in a range, in value order (ties in entity id order). Keys are {@code type id + property
 * id + }{@link IndexKeyCodec order-preserving value}{@code  + entity id}; entities without the
 * property (NULL) are not in the index. Not thread-safe (its reader is not).
 */
public final class PropertyIndexTable {
    private final KeyValueReader reader;
    private final Schema schema;
    private final ColumnFamilyHandle family;

    public PropertyIndexTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
        this.family = reader.store().family(ColumnFamilies.PROPERTY_INDEX);
    }

    /** A bound of a range: a value and whether it is included. */
    public record Bound(Value value, boolean inclusive) {
    }

    /** The entities whose indexed property equals {@code value} (none for NULL or a non-indexable value). */
    public List<UUID> equal(String index, Value value) {
        if (!IndexKeyCodec.indexable(value)) {
            return List.of();
        }
        byte[] prefix = concat(prefix(index), IndexKeyCodec.encode(value));
        return collect(prefix, Keys.prefixEnd(prefix), Integer.MAX_VALUE);
    }

    /**
     * The entities whose indexed property lies between the bounds (null: open), in value order,
     * at most {@code limit} of them.
     */
    public List<UUID> range(String index, Bound lower, Bound upper, int limit) {
        byte[] prefix = prefix(index);
        byte[] from = prefix;
        byte[] to = Keys.prefixEnd(prefix);
        if (lower != null) {
            byte[] value = concat(prefix, IndexKeyCodec.encode(lower.value()));
            from = lower.inclusive() ? value : Keys.prefixEnd(value);
        }
        if (upper != null) {
            byte[] value = concat(prefix, IndexKeyCodec.encode(upper.value()));
            to = upper.inclusive() ? Keys.prefixEnd(value) : value;
        }
        if (to != null && Arrays.compareUnsigned(from, to) >= 0) {
            return List.of();
        }
        return collect(from, to, limit);
    }

    /** Every entity in the index, in value order. */
    public List<UUID> all(String index) {
        return range(index, null, null, Integer.MAX_VALUE);
    }

    private List<UUID> collect(byte[] from, byte[] to, int limit) {
        List<UUID> out = new ArrayList<>();
        try (Cursor c = reader.scan(family, from, to)) {
            while (out.size() < limit && c.next()) {
                byte[] key = c.key();
                out.add(Keys.getUuid(key, key.length - Keys.UUID_BYTES));
            }
        }
        return out;
    }

    private byte[] prefix(String index) {
        PropertyIndexDef def = schema.propertyIndexes().get(index);
        if (def == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, index, "unknown property index '" + index + "'");
        }
        EntityType type = schema.entityType(def.entityType());
        return prefix(type.id(), schema.property(type, def.property()).id());
    }

    /** The key prefix of one type's property. */
    public static byte[] prefix(int typeId, int propertyId) {
        byte[] b = new byte[8];
        Keys.putInt(b, 0, typeId);
        Keys.putInt(b, 4, propertyId);
        return b;
    }

    /** The index key of an entity's value of a property. */
    public static byte[] key(EntityType type, PropertyDef property, Value value, UUID entity) {
        byte[] encoded = IndexKeyCodec.encode(value);
        byte[] key = new byte[8 + encoded.length + Keys.UUID_BYTES];
        Keys.putInt(key, 0, type.id());
        Keys.putInt(key, 4, property.id());
        System.arraycopy(encoded, 0, key, 8, encoded.length);
        Keys.putUuid(key, 8 + encoded.length, entity);
        return key;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
