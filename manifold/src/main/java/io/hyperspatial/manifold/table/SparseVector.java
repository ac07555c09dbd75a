package io.hyperspatial.manifold.table;

import java.util.Arrays;

/** A sparse vector: strictly increasing indices and their values. Arrays are not copied. */
public record SparseVector(int[] indices, float[] values) {
    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && Arrays.equals(indices, s.indices) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(indices) + "=" + Arrays.toString(values);
    }
}
