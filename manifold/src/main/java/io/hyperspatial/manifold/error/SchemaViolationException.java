package io.hyperspatial.manifold.error;

/**
 * A write did not match the collection's schema: an unknown field, a value of the wrong type,
 * a vector of the wrong dimension, a NaN or infinite number. Nothing of the operation was applied.
 */
public final class SchemaViolationException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    public SchemaViolationException(ErrorCode code, String field, String message) {
        super(code, field, message, null);
    }
}
