package io.hyperspatial.hyperql.value;

/** SQL's three-valued logic over values: a value is true, false, or unknown (NULL). */
public final class Truth {
    private Truth() {
    }

    /** TRUE when the value is a nonzero number (text by its numeric prefix), FALSE when zero, null when NULL. */
    public static Boolean of(Object value) {
        Object n = Arithmetic.toNumeric(value);
        if (n == null) {
            return null;
        }
        return n instanceof Long l ? l != 0 : (Double) n != 0.0;
    }

    /** True only when the value is true (NULL and false both reject a row). */
    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(of(value));
    }

    /** The SQL value of a truth value: 1, 0 or NULL. */
    public static Object value(Boolean truth) {
        return truth == null ? null : truth ? 1L : 0L;
    }
}
