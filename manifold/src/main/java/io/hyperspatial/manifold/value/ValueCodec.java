package io.hyperspatial.manifold.value;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary encoding of {@link Value}s: one tag byte, then the payload (big-endian fixed-width
 * numbers, varint lengths, UTF-8 strings; maps in key order). Stateless and thread-safe.
 */
public final class ValueCodec {
    private static final int NULL = 0, FALSE = 1, TRUE = 2, INT64 = 3, FLOAT64 = 4, STRING = 5,
            BYTES = 6, TIMESTAMP = 7, LIST = 8, MAP = 9;

    private ValueCodec() {
    }

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Whether the {@code length} bytes of {@code bytes} from {@code offset} encode an int64, which
     * {@link #int64(byte[], int)} then reads without decoding a {@link Value}.
     */
    public static boolean isInt64(byte[] bytes, int offset, int length) {
        return length == 9 && bytes[offset] == INT64;
    }

    /** The int64 encoded at {@code offset} (see {@link #isInt64}). */
    public static long int64(byte[] bytes, int offset) {
        return (long) LONG_BE.get(bytes, offset + 1);
    }

    public static byte[] encode(Value value) {
        ByteWriter w = new ByteWriter(16);
        write(w, value);
        return w.toByteArray();
    }

    public static Value decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes the value that fills {@code length} bytes of {@code bytes} from {@code offset}. */
    public static Value decode(byte[] bytes, int offset, int length) {
        ByteReader r = new ByteReader(bytes, offset, length);
        Value v = read(r);
        if (r.hasRemaining()) {
            throw new StorageException(ErrorCode.CORRUPTION, r.remaining() + " trailing bytes after a value");
        }
        return v;
    }

    public static void write(ByteWriter w, Value value) {
        switch (value) {
            case Value.NullValue n -> w.u8(NULL);
            case Value.BoolValue b -> w.u8(b.value() ? TRUE : FALSE);
            case Value.IntValue i -> w.u8(INT64).i64(i.value());
            case Value.FloatValue f -> w.u8(FLOAT64).f64(f.value());
            case Value.StringValue s -> w.u8(STRING).string(s.value());
            case Value.BytesValue b -> {
                byte[] raw = b.value();
                w.u8(BYTES).varint(raw.length).bytes(raw);
            }
            case Value.TimestampValue t -> w.u8(TIMESTAMP).i64(t.epochMicros());
            case Value.ListValue l -> {
                w.u8(LIST).varint(l.values().size());
                for (Value v : l.values()) {
                    write(w, v);
                }
            }
            case Value.MapValue m -> {
                w.u8(MAP).varint(m.entries().size());
                for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                    w.string(e.getKey());
                    write(w, e.getValue());
                }
            }
        }
    }

    public static Value read(ByteReader r) {
        int tag = r.u8();
        return switch (tag) {
            case NULL -> Value.NULL;
            case FALSE -> new Value.BoolValue(false);
            case TRUE -> new Value.BoolValue(true);
            case INT64 -> new Value.IntValue(r.i64());
            case FLOAT64 -> new Value.FloatValue(r.f64());
            case STRING -> new Value.StringValue(r.string());
            case BYTES -> new Value.BytesValue(r.bytes(r.length()));
            case TIMESTAMP -> Value.TimestampValue.ofEpochMicros(r.i64());
            case LIST -> {
                int n = r.length();
                List<Value> values = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    values.add(read(r));
                }
                yield new Value.ListValue(values);
            }
            case MAP -> {
                int n = r.length();
                Map<String, Value> entries = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    entries.put(r.string(), read(r));
                }
                yield new Value.MapValue(entries);
            }
            default -> throw new StorageException(ErrorCode.CORRUPTION, "unknown value tag " + tag);
        };
    }
}
