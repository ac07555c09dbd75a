package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.value.ByteWriter;
import io.hyperspatial.manifold.value.Value;

/**
 * An order-preserving byte form of indexable property values: for any two values, unsigned
 * byte-wise comparison of their encodings orders them as SQL (SQLite) orders them. Booleans
 * first, then numbers — {@code int64} and {@code float64} compared by value, so {@code 2} sorts
 * between {@code 1.5} and {@code 2.5} and equals {@code 2.0} — then timestamps, strings (in
 * UTF-16 code unit order, which is Java's {@link String#compareTo}), and bytes (unsigned).
 * NULL, lists and maps are not indexable. Strings and bytes end in a terminator (zero bytes escaped),
 * so the encoding is self-delimiting and an entity id can follow it in a key. Stateless and thread-safe.
 *
 * <p>Numbers are written as a class byte, the value rounded to the nearest double (eight bytes,
 * sign-flipped so that byte order is numeric order; −0.0 folded into 0.0), then the exact
 * remainder of a long that a double cannot hold (eight more bytes, zero for every double and for
 * longs up to 2^53), so equal numbers encode equally whatever their type.
 */
public final class IndexKeyCodec {
    /** The format of these keys; a change of encoding must bump it. */
    public static final int VERSION = 1;

    static final byte BOOL = 0x10;
    static final byte NUMBER = 0x20;
    static final byte TIMESTAMP = 0x30;
    static final byte STRING = 0x40;
    static final byte BYTES = 0x50;

    private IndexKeyCodec() {
    }

    /** Whether values of this shape can be indexed (not NULL, list or map, and numbers finite). */
    public static boolean indexable(Value value) {
        return switch (value) {
            case Value.BoolValue b -> true;
            case Value.IntValue i -> true;
            case Value.FloatValue f -> !Double.isNaN(f.value());
            case Value.TimestampValue t -> true;
            case Value.StringValue s -> true;
            case Value.BytesValue b -> true;
            default -> false;
        };
    }

    /** The encoding of an indexable value. */
    public static byte[] encode(Value value) {
        ByteWriter out = new ByteWriter(24);
        switch (value) {
            case Value.BoolValue b -> {
                out.u8(BOOL);
                out.u8(b.value() ? 1 : 0);
            }
            case Value.IntValue i -> number(out, i.value());
            case Value.FloatValue f when !Double.isNaN(f.value()) -> number(out, f.value(), 0);
            case Value.TimestampValue t -> {
                out.u8(TIMESTAMP);
                out.i64(t.epochMicros() ^ Long.MIN_VALUE);
            }
            case Value.StringValue s -> {
                out.u8(STRING);
                String text = s.value();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    escaped(out, c >>> 8);
                    escaped(out, c & 0xFF);
                }
                terminate(out);
            }
            case Value.BytesValue b -> {
                out.u8(BYTES);
                for (byte x : b.value()) {
                    escaped(out, x & 0xFF);
                }
                terminate(out);
            }
            default -> throw new IllegalArgumentException("not an indexable value: " + value);
        }
        return out.toByteArray();
    }

    private static void number(ByteWriter out, long value) {
        double rounded = (double) value;
        long remainder;
        if (rounded >= 0x1p63) {
            // (long) 2^63 saturates to Long.MAX_VALUE, one short of the double's value
            remainder = value - Long.MAX_VALUE - 1;
        } else {
            remainder = value - (long) rounded;
        }
        number(out, rounded, remainder);
    }

    private static void number(ByteWriter out, double rounded, long remainder) {
        out.u8(NUMBER);
        double d = rounded == 0 ? 0.0 : rounded;
        long bits = Double.doubleToLongBits(d);
        out.i64(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
        out.i64(remainder ^ Long.MIN_VALUE);
    }

    /** Zero bytes become {@code 00 01}, so the terminator {@code 00 00} sorts before any continuation. */
    private static void escaped(ByteWriter out, int b) {
        out.u8(b);
        if (b == 0) {
            out.u8(1);
        }
    }

    private static void terminate(ByteWriter out) {
        out.u8(0);
        out.u8(0);
    }
}
