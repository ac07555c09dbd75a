package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.value.ByteReader;
import io.hyperspatial.manifold.value.ByteWriter;

import java.util.UUID;

/**
 * The stored form of an edge (the same in {@code edges_out} and {@code edges_in}): active flag,
 * f32 weight, created and deleted times. Keys are {@code vertex + type id + other vertex}.
 */
public record EdgeRecord(boolean active, float weight, long createdMillis, long deletedMillis) {
    static final int KEY_BYTES = Keys.UUID_BYTES * 2 + 4;

    public byte[] encode() {
        return new ByteWriter(21).u8(active ? 1 : 0).f32(weight).i64(createdMillis).i64(deletedMillis).toByteArray();
    }

    public static EdgeRecord decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        return new EdgeRecord(r.u8() == 1, r.f32(), r.i64(), r.i64());
    }

    /** Key of a row in either direction: {@code vertex + typeId + other}. */
    public static byte[] key(UUID vertex, int typeId, UUID other) {
        byte[] k = new byte[KEY_BYTES];
        Keys.putUuid(k, 0, vertex);
        Keys.putInt(k, Keys.UUID_BYTES, typeId);
        Keys.putUuid(k, Keys.UUID_BYTES + 4, other);
        return k;
    }

    public static UUID other(byte[] key) {
        return Keys.getUuid(key, Keys.UUID_BYTES + 4);
    }

    public static int typeId(byte[] key) {
        return Keys.getInt(key, Keys.UUID_BYTES);
    }
}
