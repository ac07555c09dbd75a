package io.hyperspatial.cli;

/**
 * A command cannot do what was asked for a reason the user can fix (a missing directory, a file
 * that is not a backup) and that is not a database error. Reported as one line, exit code 2.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }
}
