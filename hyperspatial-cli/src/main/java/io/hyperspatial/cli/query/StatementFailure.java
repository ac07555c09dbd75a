package io.hyperspatial.cli.query;

import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.manifold.error.ManifoldException;

/**
 * A statement that failed, as the command line reports it, whether it ran in this process or on a
 * server: the stable error code ({@code HQL_SYNTAX}, {@code collection.not_found}…), a message for
 * people and, where known, the position in the text. {@link #line()} is the one line printed for it.
 */
public final class StatementFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient SourcePosition position;

    public StatementFailure(String code, String message, SourcePosition position) {
        super(message);
        this.code = code;
        this.position = position;
    }

    /** A HyperQL error, its message without the position suffix the exception adds. */
    public static StatementFailure of(HqlException e) {
        String message = e.getMessage();
        String at = e.position() == null ? "" : " at " + e.position();
        if (!at.isEmpty() && message.endsWith(at)) {
            message = message.substring(0, message.length() - at.length());
        }
        StatementFailure f = new StatementFailure(e.code().code(), message, e.position());
        f.initCause(e);
        return f;
    }

    /** A database error, which has no position. */
    public static StatementFailure of(ManifoldException e) {
        StatementFailure f = new StatementFailure(e.code().code(), e.getMessage(), null);
        f.initCause(e);
        return f;
    }

    public String code() {
        return code;
    }

    /** Where in the statement the error was found, or null. */
    public SourcePosition position() {
        return position;
    }

    /**
     * The same failure with its position counted in a script whose statement began at
     * {@code start}: a position on the statement's first line moves by the start's column too.
     */
    public StatementFailure within(SourcePosition start) {
        if (position == null || (start.line() == 1 && start.column() == 1)) {
            return this;
        }
        int line = position.line() + start.line() - 1;
        int column = position.line() == 1 ? position.column() + start.column() - 1 : position.column();
        StatementFailure f = new StatementFailure(code, getMessage(), new SourcePosition(line, column));
        f.initCause(getCause());
        return f;
    }

    /** {@code error: <message> [<code>] at <line>:<column>}, the position only where known. */
    public String line() {
        return "error: " + getMessage() + " [" + code + "]" + (position == null ? "" : " at " + position);
    }
}
