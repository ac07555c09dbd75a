package io.hyperspatial.manifold.schema;

/**
 * A named vector field of a collection. Each field is stored in its own column family.
 * {@code curvature} is c of the hyperbolic metrics (sectional curvature −c; the Poincaré ball has
 * radius 1/√c, the hyperboloid is ⟨x,x⟩_L = −1/c); 1 for every field of another metric.
 * {@code index} holds how its approximate index is built and searched (only dense fields are
 * indexed; the others keep {@link VectorIndexSettings#DEFAULT}).
 */
public record VectorField(String name, int id, VectorKind kind, int dimension, VectorMetric metric, double curvature,
                          VectorIndexSettings index) {
    public VectorField {
        if (!(curvature > 0) || !Double.isFinite(curvature)) {
            throw new IllegalArgumentException("curvature of vector field '" + name + "' must be positive and finite, got "
                    + curvature);
        }
        if (index == null) {
            throw new IllegalArgumentException("vector field '" + name + "' needs index settings");
        }
    }

    /** A field with the default index settings. */
    public VectorField(String name, int id, VectorKind kind, int dimension, VectorMetric metric, double curvature) {
        this(name, id, kind, dimension, metric, curvature, VectorIndexSettings.DEFAULT);
    }

    /** A field of curvature 1 with the default index settings. */
    public VectorField(String name, int id, VectorKind kind, int dimension, VectorMetric metric) {
        this(name, id, kind, dimension, metric, 1.0);
    }

    /** This field with other index settings. */
    public VectorField withIndex(VectorIndexSettings settings) {
        return new VectorField(name, id, kind, dimension, metric, curvature, settings);
    }
}
