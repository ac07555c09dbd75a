package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.Arrays;

/**
 * A row (or a list of key values) as a hash key: values that compare equal ({@code 1} and {@code 1.0})
 * are equal keys, and NULL equals NULL, as DISTINCT, GROUP BY and the set operators need.
 */
record RowKey(Object[] values) {
    static RowKey of(Object[] values) {
        Object[] keys = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            keys[i] = ValueOrder.hashKey(values[i]);
        }
        return new RowKey(keys);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** Lexicographic order of two rows under {@link ValueOrder}. */
    static int compareRows(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = ValueOrder.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
