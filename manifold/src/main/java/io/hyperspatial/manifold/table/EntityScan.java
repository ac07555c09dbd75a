package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Keys;

import java.util.UUID;

/**
 * A pull cursor over the entities of one type in id order, from {@link EntityTable#scan(String)}:
 * a full-table read that does not hold the table in memory. Owns a native cursor: close it. Not
 * thread-safe.
 */
public final class EntityScan implements AutoCloseable {
    private final EntityTable table;
    private final Cursor cursor;
    private final int typeId;
    private byte[] header;
    private Entity current;
    private final PropertyRow properties = new PropertyRow();

    EntityScan(EntityTable table, Cursor cursor, int typeId) {
        this.table = table;
        this.cursor = cursor;
        this.typeId = typeId;
    }

    /** Advances to the next entity of the type; false at the end. */
    public boolean next() {
        current = null;
        while (cursor.next()) {
            byte[] value = cursor.value();
            if (EntityRecord.typeIdOf(value) == typeId) {
                header = value;
                return true;
            }
        }
        header = null;
        return false;
    }

    /** The current entity's id, without decoding its header (its key is read only when asked for). */
    public UUID id() {
        if (header == null) {
            throw new IllegalStateException("the scan is not on an entity");
        }
        return Keys.getUuid(cursor.key(), 0);
    }

    /** The current entity, its header decoded on first ask. */
    public Entity entity() {
        if (current == null) {
            current = table.toEntity(id(), EntityRecord.decode(header));
        }
        return current;
    }

    /** The current entity's properties (stored in its row), positioned before the first. */
    public PropertyRow properties() {
        return properties.reset(header);
    }

    @Override
    public void close() {
        cursor.close();
    }
}
