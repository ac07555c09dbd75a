package io.hyperspatial.manifold.value;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A typed property value. Immutable. Maps keep their keys sorted, so equal maps encode to equal
 * bytes. Timestamps have microsecond precision (finer parts are truncated on construction).
 */
public sealed interface Value {

    /** The type of this value. */
    ValueType type();

    NullValue NULL = new NullValue();

    static Value of(boolean b) {
        return new BoolValue(b);
    }

    static Value of(long l) {
        return new IntValue(l);
    }

    static Value of(double d) {
        return new FloatValue(d);
    }

    static Value of(String s) {
        return new StringValue(s);
    }

    static Value of(byte[] bytes) {
        return new BytesValue(bytes);
    }

    static Value of(Instant instant) {
        return new TimestampValue(instant);
    }

    static Value list(List<Value> values) {
        return new ListValue(values);
    }

    static Value map(Map<String, Value> entries) {
        return new MapValue(entries);
    }

    /** SQL-style null. */
    record NullValue() implements Value {
        @Override
        public ValueType type() {
            return ValueType.NULL;
        }

        @Override
        public String toString() {
            return "null";
        }
    }

    record BoolValue(boolean value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.BOOL;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A signed 64-bit integer. */
    record IntValue(long value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.INT64;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A 64-bit IEEE float. The schema rejects NaN and infinities on write. */
    record FloatValue(double value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.FLOAT64;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    record StringValue(String value) implements Value {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.STRING;
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** Raw bytes; the array is copied in and out. */
    record BytesValue(byte[] value) implements Value {
        public BytesValue {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public ValueType type() {
            return ValueType.BYTES;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BytesValue other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "0x" + HexFormat.of().formatHex(value);
        }
    }

    /** A point in time with microsecond precision. */
    record TimestampValue(Instant value) implements Value {
        public TimestampValue {
            value = value.truncatedTo(ChronoUnit.MICROS);
        }

        /** Microseconds since the epoch, the stored form. */
        public long epochMicros() {
            long seconds = value.getEpochSecond();
            long micros = value.getNano() / 1_000;
            if (seconds < 0 && micros > 0) {
                // borrow a second so the product cannot overflow where the sum still fits (Long.MIN_VALUE micros)
                seconds++;
                micros -= 1_000_000L;
            }
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
        }

        public static TimestampValue ofEpochMicros(long micros) {
            return new TimestampValue(Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
        }

        @Override
        public ValueType type() {
            return ValueType.TIMESTAMP;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    record ListValue(List<Value> values) implements Value {
        public ListValue {
            values = List.copyOf(values);
        }

        @Override
        public ValueType type() {
            return ValueType.LIST;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    /** A string-keyed map, keys kept in sorted order. */
    record MapValue(Map<String, Value> entries) implements Value {
        public MapValue {
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        @Override
        public ValueType type() {
            return ValueType.MAP;
        }

        @Override
        public String toString() {
            return entries.toString();
        }
    }
}
