package io.hyperspatial.hyperql.value;

import java.util.Arrays;

/**
 * A VECTOR value: immutable float components with value equality, and optionally the same point
 * in double precision.
 *
 * <p>A data source whose values are kept in double precision (learned positions, far out in the
 * Poincaré ball, where float32 coordinates round onto the boundary) hands them over in
 * {@code precise}; {@link io.hyperspatial.hyperql.function.HyperbolicDistance} then measures with
 * them. Everything else (equality, the text form, casts, storage) sees the float components,
 * which are the precise ones rounded.
 *
 * @param components the float components; not copied, never modified
 * @param precise    the components in double precision, or null; not copied, never modified
 */
public record Vector(float[] components, double[] precise) {
    public Vector {
        if (precise != null && precise.length != components.length) {
            throw new IllegalArgumentException("precise components: " + precise.length + " for " + components.length
                    + " float components");
        }
    }

    /** A vector of float components only. */
    public Vector(float[] components) {
        this(components, null);
    }

    /** The number of components. */
    public int dimensions() {
        return components.length;
    }

    /** Component {@code i} at the best precision this value has. */
    public double component(int i) {
        return precise != null ? precise[i] : components[i];
    }

    /** Equal float components (the precise ones are not compared). */
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
