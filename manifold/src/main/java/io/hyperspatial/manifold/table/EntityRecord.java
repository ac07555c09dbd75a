package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.value.ByteReader;
import io.hyperspatial.manifold.value.ByteWriter;

/**
 * The header of a stored entity row: {@code typeId, created, updated, version, key?}. The key is
 * stored so an id can be mapped back to the user key it came from. In the {@code entities} family
 * the header is followed by the entity's properties ({@link PropertyRow}); this record is the
 * header alone, and decoding it ignores what follows.
 */
public record EntityRecord(int typeId, long createdMillis, long updatedMillis, long version, String key) {

    /** The header alone, as an entity without properties is stored. */
    public byte[] encode() {
        return encodeRow(null, 0, 0);
    }

    /**
     * The stored row: this header followed by {@code length} bytes of {@code properties} (an
     * encoded property section, see {@link PropertyRow}) from {@code offset}.
     */
    public byte[] encodeRow(byte[] properties, int offset, int length) {
        ByteWriter w = new ByteWriter(32 + (key == null ? 0 : key.length()) + length);
        w.i32(typeId).i64(createdMillis).i64(updatedMillis).i64(version);
        if (key == null) {
            w.u8(0);
        } else {
            w.u8(1).string(key);
        }
        if (length > 0) {
            w.bytes(properties, offset, length);
        }
        return w.toByteArray();
    }

    public static EntityRecord decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int type = r.i32();
        long created = r.i64();
        long updated = r.i64();
        long version = r.i64();
        String key = r.u8() == 1 ? r.string() : null;
        return new EntityRecord(type, created, updated, version, key);
    }

    /** The type id of a stored row, without decoding the rest. */
    public static int typeIdOf(byte[] bytes) {
        return typeIdOf(bytes, bytes.length);
    }

    /** The type id of a stored row held in the first {@code length} bytes of {@code bytes}. */
    public static int typeIdOf(byte[] bytes, int length) {
        return new ByteReader(bytes, 0, length).i32();
    }

    /** Where a stored row's header ends and its properties begin. */
    public static int headerLength(byte[] row) {
        return headerLength(row, row.length);
    }

    /** Where the header of a stored row held in the first {@code length} bytes of {@code row} ends. */
    public static int headerLength(byte[] row, int length) {
        ByteReader r = new ByteReader(row, 0, length);
        r.skip(4 + 8 + 8 + 8);
        if (r.u8() == 1) {
            r.skip(r.length());
        }
        return r.position();
    }

    /** The next version of this record, touched at {@code now}; a new record (version 0) is also created then. */
    public EntityRecord touched(long now) {
        long updated = Math.max(updatedMillis, now);
        return new EntityRecord(typeId, version == 0 ? updated : createdMillis, updated, version + 1, key);
    }
}
