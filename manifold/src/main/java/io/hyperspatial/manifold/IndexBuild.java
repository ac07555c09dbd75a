package io.hyperspatial.manifold;

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
import io.hyperspatial.manifold.table.EntityRecord;
import io.hyperspatial.manifold.table.IndexKeyCodec;
import io.hyperspatial.manifold.table.PropertyIndexTable;
import io.hyperspatial.manifold.table.PropertyRow;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The storage side of a schema change that adds or drops property indexes or entity types,
 * staged into the transaction that commits the new catalog: entries of each added index are
 * built from the stored entities, entries of each dropped index are deleted, and dropping a type
 * that still has entities is refused. One full scan of the entity headers when anything is
 * built or a type dropped. Stateless.
 */
final class IndexBuild {
    /** Writes one key of a family into the staging transaction. */
    @FunctionalInterface
    interface Put {
        void put(ColumnFamilyHandle family, byte[] key, byte[] value);
    }

    private IndexBuild() {
    }

    /** Whether going from {@code current} to {@code next} needs index work (and so exclusive writes). */
    static boolean needed(Schema current, Schema next) {
        return !added(current, next).isEmpty() || !dropped(current, next).isEmpty()
                || current.entityTypes().keySet().stream().anyMatch(t -> !next.entityTypes().containsKey(t));
    }

    static void stage(Schema current, Schema next, KeyValueReader reader, Put put,
                      BiConsumer<ColumnFamilyHandle, byte[]> delete) {
        ColumnFamilyHandle indexFamily = reader.store().family(ColumnFamilies.PROPERTY_INDEX);
        for (PropertyIndexDef d : dropped(current, next)) {
            EntityType type = current.entityType(d.entityType());
            byte[] prefix = PropertyIndexTable.prefix(type.id(), current.property(type, d.property()).id());
            List<byte[]> keys = new ArrayList<>();
            try (Cursor c = reader.scanPrefix(indexFamily, prefix)) {
                while (c.next()) {
                    keys.add(c.key());
                }
            }
            keys.forEach(k -> delete.accept(indexFamily, k));
        }
        List<PropertyIndexDef> added = added(current, next);
        List<EntityType> droppedTypes = current.entityTypes().values().stream()
                .filter(t -> !next.entityTypes().containsKey(t.name())).toList();
        if (added.isEmpty() && droppedTypes.isEmpty()) {
            return;
        }
        try (Cursor c = reader.scan(reader.store().family(ColumnFamilies.ENTITIES), new byte[0], null)) {
            while (c.next()) {
                byte[] row = c.value();
                int typeId = EntityRecord.typeIdOf(row);
                for (EntityType t : droppedTypes) {
                    if (t.id() == typeId) {
                        throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, t.name(),
                                "entity type '" + t.name() + "' still has entities; delete them before dropping it");
                    }
                }
                UUID id = Keys.getUuid(c.key(), 0);
                for (PropertyIndexDef d : added) {
                    EntityType type = next.entityType(d.entityType());
                    if (type.id() != typeId) {
                        continue;
                    }
                    PropertyDef property = next.property(type, d.property());
                    byte[] stored = PropertyRow.find(row, property.id());
                    if (stored != null) {
                        Value value = ValueCodec.decode(stored);
                        if (IndexKeyCodec.indexable(value)) {
                            put.put(indexFamily, PropertyIndexTable.key(type, property, value, id), new byte[0]);
                        }
                    }
                }
            }
        }
    }

    private static List<PropertyIndexDef> added(Schema current, Schema next) {
        return next.propertyIndexes().values().stream()
                .filter(d -> !d.equals(current.propertyIndexes().get(d.name()))).toList();
    }

    private static List<PropertyIndexDef> dropped(Schema current, Schema next) {
        return current.propertyIndexes().values().stream()
                .filter(d -> !d.equals(next.propertyIndexes().get(d.name()))).toList();
    }
}
