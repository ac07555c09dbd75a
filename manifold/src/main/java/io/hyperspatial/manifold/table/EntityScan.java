package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Keys;

import java.util.Arrays;
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
    /** The current row, in the start of a buffer reused from row to row; null off an entity. */
    private byte[] header;
    private int headerLength;
    private byte[] buffer = new byte[256];
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
            int length = cursor.valueInto(buffer);
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, 2 * buffer.length)];
                length = cursor.valueInto(buffer);
            }
            if (EntityRecord.typeIdOf(buffer, length) == typeId) {
                header = buffer;
                headerLength = length;
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
            current = table.toEntity(id(), EntityRecord.decode(Arrays.copyOf(header, headerLength)));
        }
        return current;
    }

    /**
     * The current entity's properties (stored in its row), positioned before the first; valid until
     * the scan moves (the row's bytes are reused).
     */
    public PropertyRow properties() {
        return properties.reset(header, headerLength);
    }

    @Override
    public void close() {
        cursor.close();
    }
}
