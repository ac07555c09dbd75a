package io.hyperspatial.manifold.error;

/**
 * An operation conflicts with the current state: a transaction lost an optimistic-concurrency
 * race more times than its retry budget, a collection already exists, or a schema change is
 * incompatible with the existing definition.
 */
public final class ConflictException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorCode code, String field, String message) {
        super(code, field, message, null);
    }
}
