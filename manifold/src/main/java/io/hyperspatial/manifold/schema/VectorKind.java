package io.hyperspatial.manifold.schema;

/** How a vector field stores its vectors. */
public enum VectorKind {
    /** A fixed-dimension float32 array. */
    DENSE,
    /** Index/value pairs over a fixed dimension; indexes strictly increasing. */
    SPARSE,
    /** A list of dense vectors of the field's dimension (e.g. one per token or passage). */
    MULTI
}
