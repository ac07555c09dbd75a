package io.hyperspatial.manifold.error;

/** A collection or entity that an operation names does not exist. */
public final class NotFoundException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ErrorCode code, String what, String message) {
        super(code, what, message, null);
    }
}
