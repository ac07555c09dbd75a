package io.hyperspatial.hyperql.value;

import java.util.Locale;

/**
 * SQLite's type affinity: the preferred storage class of a column, applied to values stored in it
 * and, in comparisons, to the other operand. {@link #BLOB} is SQLite's "no affinity".
 */
public enum Affinity {
    INTEGER, REAL, NUMERIC, TEXT, BLOB;

    /** SQLite's rules (section 3.1 of its datatype page) for a declared column type; null or blank is BLOB. */
    public static Affinity ofDeclaredType(String declared) {
        if (declared == null || declared.isBlank()) {
            return BLOB;
        }
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return TEXT;
        }
        if (t.contains("BLOB")) {
            return BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /** True for the affinities that turn numeric-looking text into numbers. */
    public boolean isNumeric() {
        return this == INTEGER || this == REAL || this == NUMERIC;
    }

    /** The value as a column of this affinity stores it. */
    public Object apply(Object value) {
        return switch (this) {
            case BLOB -> value;
            case TEXT -> value instanceof Long || value instanceof Double ? TextForm.of(value) : value;
            case NUMERIC, INTEGER -> numeric(value, false);
            case REAL -> numeric(value, true);
        };
    }

    private static Object numeric(Object value, boolean real) {
        Object v = value;
        if (v instanceof String s) {
            Object parsed = NumericText.parseWhole(s);
            if (parsed == null) {
                return s;
            }
            v = parsed;
        }
        if (v instanceof Double d) {
            if (real) {
                return d;
            }
            return NumericText.integralOrSelf(d);
        }
        if (v instanceof Long l && real) {
            return l.doubleValue();
        }
        return v;
    }
}
