package io.hyperspatial.hyperql.value;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A BLOB value: immutable bytes with value equality (a raw {@code byte[]} has neither).
 *
 * @param bytes the content; not copied, never modified
 */
public record Blob(byte[] bytes) implements Comparable<Blob> {
    @Override
    public boolean equals(Object o) {
        return o instanceof Blob b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Blob o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return "x'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
