package io.hyperspatial.hyperql.error;

/** The statement text is not valid HyperQL; the message names the position and what was expected. */
public final class HqlSyntaxException extends HqlException {
    private static final long serialVersionUID = 1L;

    public HqlSyntaxException(String message, SourcePosition position) {
        super(ErrorCode.HQL_SYNTAX, message, position);
    }
}
