package io.hyperspatial.hyperql.value;

import java.nio.charset.StandardCharsets;

/**
 * SQLite's arithmetic on values: NULL in, NULL out; text converted by its numeric prefix; integer
 * operations that overflow are redone in REAL; division or remainder by zero is NULL; integer
 * division truncates toward zero.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** The numeric form of a value for arithmetic: null stays null, text and blobs by numeric prefix. */
    public static Object toNumeric(Object v) {
        return switch (v) {
            case null -> null;
            case Long l -> l;
            case Double d -> d;
            case String s -> NumericText.parsePrefix(s);
            case Blob b -> NumericText.parsePrefix(new String(b.bytes(), StandardCharsets.UTF_8));
            default -> 0L;
        };
    }

    public static Object add(Object a, Object b) {
        return exactOrReal(a, b, (l, m) -> {
            long r = l + m;
            return ((l ^ r) & (m ^ r)) < 0 ? (Object) ((double) l + (double) m) : (Object) r;
        }, (x, y) -> x + y);
    }

    public static Object subtract(Object a, Object b) {
        return exactOrReal(a, b, (l, m) -> {
            long r = l - m;
            return ((l ^ m) & (l ^ r)) < 0 ? (Object) ((double) l - (double) m) : (Object) r;
        }, (x, y) -> x - y);
    }

    public static Object multiply(Object a, Object b) {
        return exactOrReal(a, b, (l, m) -> {
            long hi = Math.multiplyHigh(l, m);
            long lo = l * m;
            boolean fits = (hi == 0 && lo >= 0) || (hi == -1 && lo < 0);
            return fits ? (Object) lo : (Object) ((double) l * (double) m);
        }, (x, y) -> x * y);
    }

    public static Object divide(Object a, Object b) {
        return exactOrReal(a, b, (l, m) -> {
            if (m == 0) {
                return null;
            }
            return l == Long.MIN_VALUE && m == -1 ? (Object) (-(double) Long.MIN_VALUE) : (Object) (l / m);
        }, (x, y) -> y == 0 ? null : (Object) (x / y));
    }

    /**
     * The remainder of the operands' integer values ({@link #integerValue}: text by its integer
     * prefix, so {@code 12 % '1e3'} is 12 % 1); REAL when either operand is, as in SQLite.
     */
    public static Object remainder(Object a, Object b) {
        Object x = toNumeric(a);
        Object y = toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        long m = integerValue(b);
        if (m == 0) {
            return null;
        }
        long r = m == -1 ? 0L : integerValue(a) % m;
        return x instanceof Long && y instanceof Long ? (Object) r : (Object) (double) r;
    }

    /**
     * A value read as an integer the way SQLite's {@code sqlite3VdbeIntValue} reads it, for %,
     * bitwise operators and CAST AS INTEGER: reals truncated, text and blobs by their longest
     * integer prefix ({@code '1e3'} is 1, {@code '12.7'} is 12).
     */
    public static long integerValue(Object v) {
        return switch (v) {
            case Long l -> l;
            case Double d -> integer(d);
            case String s -> NumericText.parseIntegerPrefix(s);
            case Blob b -> NumericText.parseIntegerPrefix(new String(b.bytes(), StandardCharsets.UTF_8));
            case null, default -> 0L;
        };
    }

    /** An operation on two integers: a Long, a Double when the exact result does not fit, or null. */
    @FunctionalInterface
    private interface IntegerOperation {
        Object apply(long l, long m);
    }

    /** An operation on two reals (at least one operand was REAL): a value or null. */
    @FunctionalInterface
    private interface RealOperation {
        Object apply(double x, double y);
    }

    /** NULL if either operand is; the integer operation when both are integers; else the real one. */
    private static Object exactOrReal(Object a, Object b, IntegerOperation integers, RealOperation reals) {
        Object x = toNumeric(a);
        Object y = toNumeric(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long l && y instanceof Long m) {
            return integers.apply(l, m);
        }
        return reals.apply(real(x), real(y));
    }

    /**
     * Unary minus, computed as SQLite does at run time, 0 − x: so a real zero negates to 0.0,
     * not −0.0 (a minus written on a real literal is folded into the literal by the parser).
     */
    public static Object negate(Object a) {
        Object x = toNumeric(a);
        return switch (x) {
            case null -> null;
            case Long l -> l == Long.MIN_VALUE ? (Object) (-(double) l) : (Object) (-l);
            case Double d -> 0.0 - d;
            default -> throw new IllegalStateException();
        };
    }

    /** Bitwise operators and shifts work on the integer form; NULL in, NULL out. */
    public static Object bitwise(String op, Object a, Object b) {
        IntegerOperation f = switch (op) {
            case "&" -> (l, m) -> l & m;
            case "|" -> (l, m) -> l | m;
            case "<<" -> (l, m) -> shiftLeft(l, m);
            case ">>" -> (l, m) -> shiftLeft(l, -m);
            default -> throw new IllegalArgumentException(op);
        };
        return a == null || b == null ? null : f.apply(integerValue(a), integerValue(b));
    }

    public static Object bitNot(Object a) {
        return a == null ? null : ~integerValue(a);
    }

    /** {@code a || b}: the concatenated text, NULL if either is NULL. */
    public static Object concat(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return TextForm.of(a) + TextForm.of(b);
    }

    /** The value as a double (it must be numeric). */
    public static double real(Object numeric) {
        return numeric instanceof Long l ? l.doubleValue() : (Double) numeric;
    }

    private static long integer(double d) {
        return Double.isNaN(d) ? 0 : (long) d;
    }

    /** A numeric value as a long, truncating reals toward zero and saturating out-of-range ones. */
    public static long integer(Object numeric) {
        if (numeric instanceof Long l) {
            return l;
        }
        double d = (Double) numeric;
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d;
    }

    private static long shiftLeft(long value, long by) {
        if (by >= 64) {
            return 0;
        }
        if (by <= -64) {
            return value < 0 ? -1 : 0;
        }
        return by >= 0 ? value << by : value >> -by;
    }
}
