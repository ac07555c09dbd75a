package io.hyperspatial.manifold.error;

import java.util.Optional;

/**
 * Base of every error manifold reports. Carries a stable {@link ErrorCode} and, where the error
 * is about one part of the input, the name of that part ({@link #field()}), e.g.
 * {@code Person.age} or {@code vectors.embedding}.
 */
public class ManifoldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public ManifoldException(ErrorCode code, String message) {
        this(code, null, message, null);
    }

    public ManifoldException(ErrorCode code, String field, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The field, property or parameter the error is about, when there is one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
