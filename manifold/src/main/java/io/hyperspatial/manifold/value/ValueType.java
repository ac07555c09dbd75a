package io.hyperspatial.manifold.value;

import java.util.Locale;

/** The types a property can be declared with. {@code NULL} is the type of the null value only. */
public enum ValueType {
    NULL, BOOL, INT64, FLOAT64, STRING, BYTES, TIMESTAMP, LIST, MAP;

    /** Lower-case name used in schemas and messages, e.g. {@code float64}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a display name (case-insensitive); {@code int} and {@code float} are accepted as aliases. */
    public static ValueType parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "INT", "INTEGER", "LONG" -> INT64;
            case "FLOAT", "DOUBLE", "REAL" -> FLOAT64;
            case "BOOLEAN" -> BOOL;
            case "TEXT" -> STRING;
            default -> {
                try {
                    yield valueOf(n);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown value type '" + name + "'", e);
                }
            }
        };
    }
}
