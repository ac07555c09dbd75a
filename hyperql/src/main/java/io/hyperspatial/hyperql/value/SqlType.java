package io.hyperspatial.hyperql.value;

/**
 * The storage classes of HyperQL values (SQLite's, plus vectors) and, for the analyzer, the static
 * type of an expression ({@link #ANY} when only the run-time value knows).
 *
 * <p>At run time a value is one of: {@code null}, {@link Long}, {@link Double}, {@link String},
 * {@link Blob} or {@link Vector}. Nothing else ever flows through the executor.
 */
public enum SqlType {
    NULL, INTEGER, REAL, TEXT, BLOB, VECTOR, ANY;

    /** The storage class of a run-time value. */
    public static SqlType of(Object value) {
        return switch (value) {
            case null -> NULL;
            case Long l -> INTEGER;
            case Double d -> REAL;
            case String s -> TEXT;
            case Blob b -> BLOB;
            case Vector v -> VECTOR;
            default -> throw new IllegalArgumentException("not a HyperQL value: " + value.getClass().getName());
        };
    }

    /** The name {@code typeof()} reports. */
    public String typeofName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for INTEGER and REAL. */
    public boolean isNumeric() {
        return this == INTEGER || this == REAL;
    }
}
