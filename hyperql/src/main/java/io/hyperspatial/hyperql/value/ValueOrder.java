package io.hyperspatial.hyperql.value;

import java.util.Comparator;

/**
 * SQLite's ordering of values: NULL before numbers, numbers (integers and reals compared by value)
 * before text, text (binary, code point order) before blobs; vectors last. Also the key form
 * that makes equal values hash alike ({@link #hashKey}).
 */
public final class ValueOrder {
    /** The total order above, NULL first; usable for sorting and ordered indexes. */
    public static final Comparator<Object> NULLS_FIRST = ValueOrder::compare;

    private ValueOrder() {
    }

    /** Compares two values in the total order; null is the smallest. */
    public static int compare(Object a, Object b) {
        int ca = typeClass(a);
        int cb = typeClass(b);
        if (ca != cb) {
            return Integer.compare(ca, cb);
        }
        return switch (a) {
            case null -> 0;
            case Long l -> b instanceof Long m ? Long.compare(l, m) : compareLongDouble(l, (Double) b);
            case Double d -> b instanceof Double e ? Double.compare(d == 0 ? 0.0 : d, e == 0 ? 0.0 : e)
                    : -compareLongDouble((Long) b, d);
            case String s -> s.compareTo((String) b);
            case Blob x -> x.compareTo((Blob) b);
            case Vector v -> v.toString().compareTo(b.toString());
            default -> throw new IllegalArgumentException("not a HyperQL value: " + a);
        };
    }

    /** True when SQL's {@code =} holds for two non-null values compared without affinity. */
    public static boolean equal(Object a, Object b) {
        return compare(a, b) == 0;
    }

    /**
     * A form of the value whose {@code equals}/{@code hashCode} agree with {@link #compare}: an integral
     * real becomes the equal integer, so 1 and 1.0 fall in one group.
     */
    public static Object hashKey(Object value) {
        if (value instanceof Double d) {
            if (d == 0) {
                return 0L;
            }
            Object integral = NumericText.integralOrSelf(d);
            return integral;
        }
        return value;
    }

    private static int typeClass(Object v) {
        return switch (v) {
            case null -> 0;
            case Long l -> 1;
            case Double d -> 1;
            case String s -> 2;
            case Blob b -> 3;
            default -> 4;
        };
    }

    private static int compareLongDouble(long l, double d) {
        if (Double.isNaN(d)) {
            return 1;
        }
        if (d < -9.223372036854775808E18) {
            return 1;
        }
        if (d >= 9.223372036854775808E18) {
            return -1;
        }
        long whole = (long) d;
        if (l != whole) {
            return Long.compare(l, whole);
        }
        double fraction = d - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }
}
