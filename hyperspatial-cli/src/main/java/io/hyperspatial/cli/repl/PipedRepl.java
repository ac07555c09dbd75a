package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.query.StatementSplitter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The REPL when its input is not a terminal ({@code echo 'SELECT 1;' | hyperspatial repl …}):
 * lines are gathered until they end a statement with {@code ;} and then run, a line starting
 * with {@code .} between statements is a dot-command, and a last statement without its
 * {@code ;} runs at the end of the input. Every entry runs even after one failed; the caller
 * turns "any failed" into the exit code. No prompt, no echo. Not thread-safe.
 */
public final class PipedRepl {
    private PipedRepl() {
    }

    /** Runs every entry of {@code in} until its end or {@code .quit}; returns whether any failed. */
    public static boolean run(ReplSession session, BufferedReader in) {
        boolean failed = false;
        StringBuilder pending = new StringBuilder();
        try {
            for (String line = in.readLine(); line != null && !session.finished(); line = in.readLine()) {
                if (pending.isEmpty() && ReplSession.isDotCommand(line)) {
                    failed |= !session.execute(line);
                    continue;
                }
                if (pending.isEmpty() && line.isBlank()) {
                    continue;
                }
                pending.append(line).append('\n');
                if (StatementSplitter.complete(pending.toString())) {
                    failed |= !session.execute(pending.toString());
                    pending.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!pending.toString().isBlank() && !session.finished()) {
            failed |= !session.execute(pending.toString());
        }
        return failed;
    }
}
