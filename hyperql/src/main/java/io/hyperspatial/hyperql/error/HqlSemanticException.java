package io.hyperspatial.hyperql.error;

/** The statement parses but means nothing valid: an unknown name, a type error, a misplaced aggregate. */
public final class HqlSemanticException extends HqlException {
    private static final long serialVersionUID = 1L;

    public HqlSemanticException(ErrorCode code, String message, SourcePosition position) {
        super(code, message, position);
    }
}
