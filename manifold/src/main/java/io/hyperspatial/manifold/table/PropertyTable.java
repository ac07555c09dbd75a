package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import org.rocksdb.ColumnFamilyHandle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads typed property values. Keys are {@code entity id + property id}, so one entity's
 * properties are one short prefix scan. Not thread-safe.
 */
public final class PropertyTable {
    private final KeyValueReader reader;
    private final Schema schema;
    private final ColumnFamilyHandle family;
    private final ColumnFamilyHandle entities;

    public PropertyTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
        this.family = reader.store().family(ColumnFamilies.PROPERTIES);
        this.entities = reader.store().family(ColumnFamilies.ENTITIES);
    }

    /** One property; empty if the entity does not exist or has no value for it. */
    public Optional<Value> get(UUID id, String property) {
        byte[] header = reader.get(entities, Keys.uuid(id));
        if (header == null) {
            return Optional.empty();
        }
        EntityType type = schema.entityTypeById(EntityRecord.decode(header).typeId()).orElseThrow();
        PropertyDef def = schema.property(type, property);
        return get(id, def);
    }

    /** One property by its definition (no header read). */
    public Optional<Value> get(UUID id, PropertyDef def) {
        byte[] v = reader.get(family, Keys.uuidInt(id, def.id()));
        return v == null ? Optional.empty() : Optional.of(ValueCodec.decode(v));
    }

    /** All properties of an entity by name, in property-id order. */
    public Map<String, Value> all(UUID id) {
        Map<String, Value> out = new LinkedHashMap<>();
        try (Cursor c = reader.scanPrefix(family, Keys.uuid(id))) {
            while (c.next()) {
                int propertyId = Keys.getInt(c.key(), Keys.UUID_BYTES);
                byte[] value = c.value();
                schema.propertyNameById(propertyId).ifPresent(name -> out.put(name, ValueCodec.decode(value)));
            }
        }
        return out;
    }

    /**
     * A reusable scan over the property rows of many entities, for reading a batch or a whole
     * table: one native cursor moved from entity to entity instead of one prefix scan each. Close it.
     */
    public PropertyScan scan() {
        return new PropertyScan(reader.scan(family, new byte[0], null));
    }

    public static byte[] key(UUID id, int propertyId) {
        return Keys.uuidInt(id, propertyId);
    }
}
