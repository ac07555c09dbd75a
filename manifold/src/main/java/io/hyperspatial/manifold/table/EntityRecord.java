package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.value.ByteReader;
import io.hyperspatial.manifold.value.ByteWriter;

/**
 * The stored form of an entity header: {@code typeId, created, updated, version, key?}. The key
 * is stored so an id can be mapped back to the user key it came from.
 */
public record EntityRecord(int typeId, long createdMillis, long updatedMillis, long version, String key) {

    public byte[] encode() {
        ByteWriter w = new ByteWriter(32 + (key == null ? 0 : key.length()));
        w.i32(typeId).i64(createdMillis).i64(updatedMillis).i64(version);
        if (key == null) {
            w.u8(0);
        } else {
            w.u8(1).string(key);
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

    /** The type id of a stored header, without decoding the rest. */
    public static int typeIdOf(byte[] bytes) {
        return new ByteReader(bytes).i32();
    }

    /** The next version of this record, touched at {@code now}; a new record (version 0) is also created then. */
    public EntityRecord touched(long now) {
        long updated = Math.max(updatedMillis, now);
        return new EntityRecord(typeId, version == 0 ? updated : createdMillis, updated, version + 1, key);
    }
}
