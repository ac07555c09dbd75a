package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.manifold.value.InstantText;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.time.format.DateTimeParseException;

/**
 * How SQL columns and values map onto manifold properties. A column's storage type follows its
 * SQLite affinity: INTEGER → {@code int64}, REAL and NUMERIC → {@code float64} (a NUMERIC value
 * with no fractional part reads back as an integer, as SQLite stores it), TEXT → {@code string},
 * BLOB and untyped → {@code bytes}. A value that the storage type cannot hold after affinity
 * conversion (text in an INTEGER column, a number in a BLOB column) is refused with
 * {@code HQL_TYPE_MISMATCH} naming the column. Properties declared outside SQL show as BOOLEAN
 * (0/1), TIMESTAMP (ISO-8601 text) and JSON (text, read-only) columns. Stateless.
 */
final class SqlTypes {
    private SqlTypes() {
    }

    /** The property type a column of this declared type is stored as. */
    static ValueType storageType(ColumnSchema column) {
        return switch (column.affinity()) {
            case INTEGER -> ValueType.INT64;
            case REAL, NUMERIC -> ValueType.FLOAT64;
            case TEXT -> ValueType.STRING;
            case BLOB -> ValueType.BYTES;
        };
    }

    /** The declared type shown for a property that SQL did not declare. */
    static String declaredType(ValueType type) {
        return switch (type) {
            case INT64 -> "INTEGER";
            case FLOAT64 -> "REAL";
            case STRING -> "TEXT";
            case BYTES -> "BLOB";
            case BOOL -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMP";
            case LIST, MAP, NULL -> "JSON";
        };
    }

    /** Whether an index on a property of this type orders exactly as SQL compares its values. */
    static boolean ordersLikeSql(ValueType type) {
        return type == ValueType.INT64 || type == ValueType.FLOAT64 || type == ValueType.STRING
                || type == ValueType.BYTES;
    }

    /** A stored value as the column's SQL value. */
    static Object toSql(Value value, ColumnSchema column) {
        return switch (value) {
            case Value.NullValue n -> null;
            case Value.IntValue i -> i.value();
            case Value.FloatValue f -> column.affinity() == Affinity.NUMERIC && f.value() == Math.rint(f.value())
                    && Math.abs(f.value()) < 0x1p53 ? (Object) (long) f.value() : (Object) f.value();
            case Value.StringValue s -> s.value();
            case Value.BytesValue b -> new Blob(b.value());
            case Value.BoolValue b -> b.value() ? 1L : 0L;
            case Value.TimestampValue t -> t.value().toString();
            case Value.ListValue l -> l.toString();
            case Value.MapValue m -> m.toString();
        };
    }

    /** A SQL value (already converted to the column's affinity) as the property type stores it. */
    static Value toStorage(Object value, ValueType type, String column) {
        if (value == null) {
            return Value.NULL;
        }
        Value stored = switch (type) {
            case INT64 -> value instanceof Long l ? Value.of(l) : null;
            case FLOAT64 -> value instanceof Long l ? Value.of((double) l) : value instanceof Double d ? Value.of(d) : null;
            case STRING -> value instanceof String s ? Value.of(s)
                    : value instanceof Long || value instanceof Double ? Value.of(TextForm.of(value)) : null;
            case BYTES -> value instanceof Blob b ? Value.of(b.bytes()) : null;
            case BOOL -> value instanceof Long l ? Value.of(l != 0) : value instanceof Double d ? Value.of(d != 0) : null;
            case TIMESTAMP -> value instanceof String s ? timestamp(s) : null;
            case LIST, MAP, NULL -> null;
        };
        if (stored == null) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "column " + column + " is stored as "
                    + type.displayName() + " and cannot hold " + describe(value));
        }
        return stored;
    }

    /**
     * A lookup key or range bound as a stored value of its own kind, whatever the column's type:
     * the index compares numbers by value across int64 and float64, so no conversion is needed.
     */
    static Value probe(Object key) {
        return switch (key) {
            case Long l -> Value.of(l);
            case Double d -> Value.of(d);
            case String s -> Value.of(s);
            case Blob b -> Value.of(b.bytes());
            default -> Value.NULL;
        };
    }

    private static Value timestamp(String text) {
        try {
            return Value.of(InstantText.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String describe(Object value) {
        return switch (value) {
            case Long l -> "the integer " + l;
            case Double d -> "the real " + TextForm.of(d);
            case String s -> "the text '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
            case Blob b -> "a blob";
            default -> "a " + value.getClass().getSimpleName().toLowerCase();
        };
    }
}
