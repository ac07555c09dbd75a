package io.hyperspatial.manifold.schema;

import java.util.Locale;

/**
 * The distance a vector field is searched with. Storage uses it to reject vectors that have no
 * meaning under the metric: a zero vector for cosine, a point on or outside the unit ball for
 * Poincaré, a point off the upper sheet of the hyperboloid for Lorentz.
 */
public enum VectorMetric {
    POINCARE, LORENTZ, COSINE, L2, DOT;

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VectorMetric parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown metric '" + name
                    + "'; expected one of poincare, lorentz, cosine, l2, dot", e);
        }
    }
}
