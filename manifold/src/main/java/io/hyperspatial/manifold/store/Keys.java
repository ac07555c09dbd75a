package io.hyperspatial.manifold.store;

import java.util.Arrays;
import java.util.UUID;

/**
 * Fixed-width big-endian key encodings. Every table key starts with a 16-byte entity id, so all
 * rows of one entity are contiguous and a prefix scan finds them. Timestamps have their sign bit
 * flipped so byte order equals numeric order. Stateless and thread-safe.
 */
public final class Keys {
    public static final int UUID_BYTES = 16;

    private Keys() {
    }

    public static byte[] uuid(UUID id) {
        byte[] b = new byte[UUID_BYTES];
        putUuid(b, 0, id);
        return b;
    }

    public static void putUuid(byte[] b, int off, UUID id) {
        putLong(b, off, id.getMostSignificantBits());
        putLong(b, off + 8, id.getLeastSignificantBits());
    }

    public static UUID getUuid(byte[] b, int off) {
        return new UUID(getLong(b, off), getLong(b, off + 8));
    }

    public static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    public static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** A signed timestamp (or any long) in an order-preserving byte form. */
    public static void putOrderedLong(byte[] b, int off, long v) {
        putLong(b, off, v ^ Long.MIN_VALUE);
    }

    public static long getOrderedLong(byte[] b, int off) {
        return getLong(b, off) ^ Long.MIN_VALUE;
    }

    /** {@code id} followed by a 4-byte id (property, vector field…). */
    public static byte[] uuidInt(UUID id, int v) {
        byte[] b = new byte[UUID_BYTES + 4];
        putUuid(b, 0, id);
        putInt(b, UUID_BYTES, v);
        return b;
    }

    /** The smallest key greater than every key starting with {@code prefix}, or null if none. */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = Arrays.copyOf(prefix, prefix.length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    public static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
