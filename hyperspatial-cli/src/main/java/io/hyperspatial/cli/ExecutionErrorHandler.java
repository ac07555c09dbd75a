package io.hyperspatial.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * Turns a failed command into one line on stderr and an exit code: a known failure as its
 * {@link ErrorLine} (a statement's error with its code and position, a database error with its
 * code, a {@link CommandFailure}), exit 2; anything else is unexpected, exit 1. Stack traces only
 * with {@code --verbose} or {@code HYPERSPATIAL_DEBUG=1}.
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {
    static final int FAILED = 2;
    static final int UNEXPECTED = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = verbose(parseResult);
        String line = ErrorLine.of(ex).orElse(null);
        int exitCode = line != null ? FAILED : UNEXPECTED;
        err.println(line != null ? line
                : "error: unexpected " + ex + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
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
