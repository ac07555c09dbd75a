package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
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
 * Reads typed property values. An entity's properties are stored in its row of the
 * {@code entities} family, after the header ({@link PropertyRow}), so every read here is one point
 * read. Not thread-safe.
 */
public final class PropertyTable {
    private final KeyValueReader reader;
    private final Schema schema;
    private final ColumnFamilyHandle entities;

    public PropertyTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
        this.entities = reader.store().family(ColumnFamilies.ENTITIES);
    }

    /** One property; empty if the entity does not exist or has no value for it. */
    public Optional<Value> get(UUID id, String property) {
        byte[] row = reader.get(entities, Keys.uuid(id));
        if (row == null) {
            return Optional.empty();
        }
        EntityType type = schema.entityTypeById(EntityRecord.typeIdOf(row)).orElseThrow();
        return value(row, schema.property(type, property));
    }

    /** One property by its definition. */
    public Optional<Value> get(UUID id, PropertyDef def) {
        return value(reader.get(entities, Keys.uuid(id)), def);
    }

    private static Optional<Value> value(byte[] row, PropertyDef def) {
        byte[] v = row == null ? null : PropertyRow.find(row, def.id());
        return v == null ? Optional.empty() : Optional.of(ValueCodec.decode(v));
    }

    /** All properties of an entity by name, in property-id order. */
    public Map<String, Value> all(UUID id) {
        Map<String, Value> out = new LinkedHashMap<>();
        PropertyRow row = new PropertyRow().reset(reader.get(entities, Keys.uuid(id)));
        while (row.next()) {
            int propertyId = row.propertyId();
            schema.propertyNameById(propertyId).ifPresent(name -> out.put(name, row.value()));
        }
        return out;
    }

    /** A reusable reader of whole entity rows by id, for reading many entities' properties. */
    public RowLookup lookup() {
        return new RowLookup(reader, entities);
    }
}
