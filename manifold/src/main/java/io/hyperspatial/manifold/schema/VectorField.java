package io.hyperspatial.manifold.schema;

/** A named vector field of a collection. Each field is stored in its own column family. */
public record VectorField(String name, int id, VectorKind kind, int dimension, VectorMetric metric) {
}
