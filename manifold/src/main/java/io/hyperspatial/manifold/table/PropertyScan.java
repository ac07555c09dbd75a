package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;

import java.util.Arrays;
import java.util.UUID;

/**
 * Reads the properties of entity after entity over one cursor of the properties table, from
 * {@link PropertyTable#scan()}. {@link #moveTo} positions at an entity's first property row: when
 * the entity lies a few rows ahead (as in a scan in id order) the cursor steps forward, otherwise
 * it seeks. Values are decoded only when asked for, so a reader of a few columns pays for those
 * only. Owns a native cursor: close it. Not thread-safe.
 */
public final class PropertyScan implements AutoCloseable {
    /** How many rows the cursor steps before it seeks instead. */
    private static final int MAX_STEPS = 16;

    private final Cursor cursor;
    private final byte[] entity = new byte[Keys.UUID_BYTES];
    private byte[] key;
    private boolean valid;
    private boolean positioned;
    private boolean pending;

    PropertyScan(Cursor cursor) {
        this.cursor = cursor;
    }

    /**
     * Positions before the first property of {@code id}; {@link #next()} then reads its properties in
     * id order. Steps forward only from a row strictly before the entity (so never lands inside a
     * half-read entity), else seeks.
     */
    public void moveTo(UUID id) {
        Keys.putUuid(entity, 0, id);
        if (positioned && valid && compareEntity() < 0) {
            for (int step = 0; step < MAX_STEPS && valid && compareEntity() < 0; step++) {
                advance();
            }
            if (!valid || compareEntity() >= 0) {
                pending = true;
                return;
            }
        }
        cursor.seek(entity);
        positioned = true;
        advance();
        pending = true;
    }

    /** How the current row's entity compares with the one moved to. */
    private int compareEntity() {
        return Arrays.compareUnsigned(key, 0, Keys.UUID_BYTES, entity, 0, Keys.UUID_BYTES);
    }

    /** Advances to the next property of the entity moved to; false when it has no more. */
    public boolean next() {
        if (!pending) {
            advance();
        }
        pending = false;
        return valid && Arrays.equals(key, 0, Keys.UUID_BYTES, entity, 0, Keys.UUID_BYTES);
    }

    /** The current property's id (see {@link io.hyperspatial.manifold.schema.PropertyDef#id()}). */
    public int propertyId() {
        return Keys.getInt(key, Keys.UUID_BYTES);
    }

    /** The current property's value, decoded. */
    public Value value() {
        return ValueCodec.decode(cursor.value());
    }

    private void advance() {
        valid = cursor.next();
        key = valid ? cursor.key() : null;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
