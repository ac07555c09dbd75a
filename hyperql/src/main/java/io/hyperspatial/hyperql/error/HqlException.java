package io.hyperspatial.hyperql.error;

/**
 * Base of every error that HyperQL reports to its user: a stable {@link ErrorCode}, a message meant
 * for people, and where known the position in the statement text. Subtypes tell which stage failed.
 * A statement that fails with an {@code HqlException} has changed nothing.
 */
public abstract sealed class HqlException extends RuntimeException
        permits HqlSyntaxException, HqlSemanticException, HqlExecutionException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final SourcePosition position;

    protected HqlException(ErrorCode code, String message, SourcePosition position) {
        super(position == null ? message : message + " at " + position);
        this.code = code;
        this.position = position;
    }

    /** The stable code of this error. */
    public ErrorCode code() {
        return code;
    }

    /** Where in the statement text the error was found, or null when it concerns no single place. */
    public SourcePosition position() {
        return position;
    }
}
