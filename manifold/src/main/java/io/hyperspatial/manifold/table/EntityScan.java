package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Keys;

/**
 * A pull cursor over the entities of one type in id order, from {@link EntityTable#scan(String)}:
 * a full-table read that does not hold the table in memory. Owns a native cursor: close it. Not
 * thread-safe.
 */
public final class EntityScan implements AutoCloseable {
    private final EntityTable table;
    private final Cursor cursor;
    private final int typeId;
    private Entity current;

    EntityScan(EntityTable table, Cursor cursor, int typeId) {
        this.table = table;
        this.cursor = cursor;
        this.typeId = typeId;
    }

    /** Advances to the next entity of the type; false at the end. */
    public boolean next() {
        while (cursor.next()) {
            byte[] value = cursor.value();
            if (EntityRecord.typeIdOf(value) == typeId) {
                current = table.toEntity(Keys.getUuid(cursor.key(), 0), EntityRecord.decode(value));
                return true;
            }
        }
        current = null;
        return false;
    }

    /** The current entity. */
    public Entity entity() {
        return current;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
