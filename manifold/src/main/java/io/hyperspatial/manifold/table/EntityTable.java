package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import org.rocksdb.ColumnFamilyHandle;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads entity headers from one consistent view. Not thread-safe (its reader is not). */
public final class EntityTable {
    private final KeyValueReader reader;
    private final Schema schema;
    private final ColumnFamilyHandle family;

    public EntityTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
        this.family = reader.store().family(ColumnFamilies.ENTITIES);
    }

    public Optional<Entity> get(UUID id) {
        byte[] v = reader.get(family, Keys.uuid(id));
        return v == null ? Optional.empty() : Optional.of(toEntity(id, EntityRecord.decode(v)));
    }

    public boolean exists(UUID id) {
        return reader.get(family, Keys.uuid(id)) != null;
    }

    /** Every entity, in id order. */
    public void forEach(Consumer<Entity> action) {
        try (Cursor c = reader.scan(family, new byte[0], null)) {
            while (c.next()) {
                action.accept(toEntity(Keys.getUuid(c.key(), 0), EntityRecord.decode(c.value())));
            }
        }
    }

    /**
     * The entities of one type in id order, read as the returned scan moves (headers of other
     * types are skipped without being decoded); close it.
     */
    public EntityScan scan(String type) {
        return scan(type, reader.scan(family, new byte[0], null));
    }

    /**
     * As {@link #scan(String)}, over the entity rows {@code cursor} (on this table's family, from
     * the same view) walks; the scan closes the cursor.
     */
    public EntityScan scan(String type, Cursor cursor) {
        return new EntityScan(this, cursor, schema.entityType(type).id());
    }

    /** Exact count by scanning keys; O(entities). */
    public long count() {
        long n = 0;
        try (Cursor c = reader.scan(family, new byte[0], null)) {
            while (c.next()) {
                n++;
            }
        }
        return n;
    }

    Entity toEntity(UUID id, EntityRecord r) {
        String type = schema.entityTypeById(r.typeId()).map(t -> t.name())
                .orElseThrow(() -> new StorageException(ErrorCode.CORRUPTION,
                        "entity " + id + " has type id " + r.typeId() + " which the schema does not define"));
        return new Entity(id, type, Optional.ofNullable(r.key()), r.createdMillis(), r.updatedMillis(), r.version());
    }
}
