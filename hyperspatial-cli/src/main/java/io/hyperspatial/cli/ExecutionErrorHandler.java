package io.hyperspatial.cli;

import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.error.ManifoldException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns a failed command into one line on stderr and an exit code: a database error
 * ({@link ManifoldException}) as {@code error: <message> [<code>]}, a HyperQL error as
 * {@code error: <message> [<code>] at <line>:<column>} and a {@link CommandFailure} as
 * {@code error: <message>}, both exit 2; anything else is unexpected, exit 1. Stack traces only
 * with {@code --verbose} or {@code HYPERSPATIAL_DEBUG=1}.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {
    static final int FAILED = 2;
    static final int UNEXPECTED = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = verbose(parseResult);
        int exitCode;
        ManifoldException database = databaseError(ex);
        HqlException query = queryError(ex);
        if (query != null) {
            String message = query.getMessage();
            String at = query.position() == null ? "" : " at " + query.position();
            if (!at.isEmpty() && message.endsWith(at)) {
                message = message.substring(0, message.length() - at.length());
            }
            err.println("error: " + message + " [" + query.code().code() + "]" + at);
            exitCode = FAILED;
        } else if (database != null) {
            err.println("error: " + database.getMessage() + " [" + database.code().code() + "]");
            exitCode = FAILED;
        } else if (ex instanceof CommandFailure) {
            err.println("error: " + ex.getMessage());
            exitCode = FAILED;
        } else {
            err.println("error: unexpected " + ex + (verbose ? "" : " (run with --verbose for the stack trace)"));
            exitCode = UNEXPECTED;
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** The exception or its nearest cause that is a HyperQL error, or null. */
    private static HqlException queryError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HqlException h) {
                return h;
            }
        }
        return null;
    }

    /** The exception or its nearest cause that is a database error, or null. */
    private static ManifoldException databaseError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ManifoldException m) {
                return m;
            }
        }
        return null;
    }

    private static boolean verbose(ParseResult parseResult) {
        if ("1".equals(System.getenv("HYPERSPATIAL_DEBUG"))) {
            return true;
        }
        for (CommandLine cl : parseResult.asCommandLineList()) {
            if (cl.getParseResult().hasMatchedOption(HyperspatialCommand.VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
