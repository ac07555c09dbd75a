package io.hyperspatial.hyperql.error;

/** A valid statement failed while running: a violated constraint, a missing parameter value, an overflow. */
public final class HqlExecutionException extends HqlException {
    private static final long serialVersionUID = 1L;

    public HqlExecutionException(ErrorCode code, String message) {
        super(code, message, null);
    }
}
