package io.hyperspatial.cli;

import io.hyperspatial.cli.query.StatementFailure;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.error.ManifoldException;

import java.util.Optional;

/**
 * The one line a known failure is reported as: a statement's failure (local or from a server) as
 * {@code error: <message> [<code>] at <line>:<column>}, a database error as
 * {@code error: <message> [<code>]}, a {@link CommandFailure} as {@code error: <message>}. The
 * exception or its nearest cause decides. Anything else is not a known failure (a bug), and has
 * no such line. Stateless.
 */
public final class ErrorLine {
    private ErrorLine() {
    }

    /** The line for {@code t}, or empty when it is unexpected. */
    public static Optional<String> of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            switch (c) {
                case StatementFailure f -> {
                    return Optional.of(f.line());
                }
                case HqlException h -> {
                    return Optional.of(StatementFailure.of(h).line());
                }
                case ManifoldException m -> {
                    return Optional.of("error: " + m.getMessage() + " [" + m.code().code() + "]");
                }
                case CommandFailure f -> {
                    return Optional.of("error: " + f.getMessage());
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }
}
