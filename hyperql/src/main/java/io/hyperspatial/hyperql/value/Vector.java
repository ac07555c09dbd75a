package io.hyperspatial.hyperql.value;

import java.util.Arrays;

/**
 * A VECTOR value: immutable float components with value equality.
 *
 * @param components the components; not copied, never modified
 */
public record Vector(float[] components) {
    /** The number of components. */
    public int dimensions() {
        return components.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vector v && Arrays.equals(components, v.components);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components);
    }

    /** The text form, {@code [1.0,2.5]}, which is also what {@code CAST(text AS VECTOR)} reads. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(components[i]);
        }
        return sb.append(']').toString();
    }
}
