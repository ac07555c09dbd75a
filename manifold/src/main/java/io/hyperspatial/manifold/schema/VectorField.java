package io.hyperspatial.manifold.schema;

/**
 * A named vector field of a collection. Each field is stored in its own column family.
 * {@code curvature} is c of the hyperbolic metrics (sectional curvature −c; the Poincaré ball has
 * radius 1/√c, the hyperboloid is ⟨x,x⟩_L = −1/c); 1 for every field of another metric.
 */
public record VectorField(String name, int id, VectorKind kind, int dimension, VectorMetric metric, double curvature) {
    public VectorField {
        if (!(curvature > 0) || !Double.isFinite(curvature)) {
            throw new IllegalArgumentException("curvature of vector field '" + name + "' must be positive and finite, got "
                    + curvature);
        }
    }

    /** A field of curvature 1. */
    public VectorField(String name, int id, VectorKind kind, int dimension, VectorMetric metric) {
        this(name, id, kind, dimension, metric, 1.0);
    }
}
