package io.hyperspatial.cli.repl;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The REPL on a terminal, through JLine's line editor: a prompt, statements continued on
 * {@code ...>} lines until their {@code ;}, history kept in a file (appended as entries are
 * read), tab completion from the grammar and the schema, highlighting as typed. Ctrl-C drops the
 * entry being typed, or cancels the statement running (the session goes on); Ctrl-D on an empty
 * line (or {@code .quit}) leaves. Not thread-safe.
 */
public final class TerminalRepl {
    private final ReplSession session;
    private final LineReader reader;

    /** A REPL reading from {@code terminal}, its history in {@code historyFile} (created if missing). */
    public TerminalRepl(ReplSession session, Terminal terminal, Path historyFile) {
        this.session = session;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("hyperspatial")
                .parser(new HyperQLParser())
                .completer(new HyperQLCompleter(session::schema))
                .highlighter(new HyperQLHighlighter())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...> ")
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is SQL, not history expansion
                .build();
    }

    /** Reads and runs entries until Ctrl-D or {@code .quit}; returns whether any of them failed. */
    public boolean run() {
        boolean failed = false;
        String prompt = "hyperspatial> ";
        reader.getTerminal().writer().println("Connected to " + session.target()
                + ". End statements with ';'; .help lists the commands, Ctrl-D leaves.");
        while (!session.finished()) {
            String entry;
            try {
                entry = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (!entry.isBlank()) {
                failed |= !executeCancellable(entry);
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history file", e);
        }
        return failed;
    }

    /** Runs an entry with Ctrl-C cancelling its running statement instead of ending the process. */
    private boolean executeCancellable(String entry) {
        Terminal terminal = reader.getTerminal();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancelRunning());
        try {
            return session.execute(entry);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }
}
