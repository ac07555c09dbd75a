package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.ErrorLine;
import io.hyperspatial.cli.query.ResultFormat;
import io.hyperspatial.cli.query.ResultPrinter;
import io.hyperspatial.cli.query.StatementFailure;
import io.hyperspatial.cli.query.StatementRunner;
import io.hyperspatial.cli.query.StatementSplitter;
import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.cli.schema.SchemaText;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * What the REPL does with each entry it reads, whatever reads it (the JLine editor or a plain
 * line loop): a dot-command line ({@code .help}, {@code .tables}, {@code .schema [T]},
 * {@code .format F}, {@code .timing on|off}, {@code .quit}) or text holding complete statements,
 * run in order through the {@link StatementRunner}. A failure prints one line (its code and
 * position, never a stack trace) and stops the rest of that entry; the session goes on. The
 * schema used for completion is read once and again after every statement that changed it.
 * Not thread-safe, except {@link #cancelRunning()}, which another thread (a Ctrl-C handler) calls.
 */
public final class ReplSession {
    private final StatementRunner runner;
    private final PrintWriter out;
    private final PrintWriter err;
    private ResultFormat format;
    private boolean timing;
    private boolean quit;
    private CollectionSchema schema;
    /** The control of the statement running now, null between statements. */
    private volatile StatementControl running;

    public ReplSession(StatementRunner runner, PrintWriter out, PrintWriter err, ResultFormat format) {
        this.runner = runner;
        this.out = out;
        this.err = err;
        this.format = format;
    }

    /** Whether {@code line} is a dot-command rather than (part of) a statement. */
    public static boolean isDotCommand(String line) {
        return line.stripLeading().startsWith(".");
    }

    /** What the statements run against, for the banner. */
    public String target() {
        return runner.target();
    }

    /**
     * Runs one entry: a dot-command, or every statement in the text (a last one without its
     * {@code ;} included). Returns false when something failed.
     */
    public boolean execute(String entry) {
        try {
            return isDotCommand(entry) ? dotCommand(entry.strip()) : statements(entry);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Cancels the statement running now, if any (it then fails with {@code HQL_CANCELLED}, changes
     * nothing, and the rest of its entry is skipped); returns whether one was running. Thread-safe.
     */
    public boolean cancelRunning() {
        StatementControl c = running;
        if (c == null) {
            return false;
        }
        c.cancel();
        return true;
    }

    /** True once {@code .quit} was given. */
    public boolean finished() {
        return quit;
    }

    /** The collection's schema as last read; an empty one when it cannot be read (completion then offers keywords only). */
    public CollectionSchema schema() {
        if (schema == null) {
            try {
                schema = runner.schema();
            } catch (RuntimeException e) {
                return CollectionSchema.empty("");
            }
        }
        return schema;
    }

    private boolean statements(String text) {
        for (StatementSplitter.Statement s : StatementSplitter.split(text)) {
            long started = System.nanoTime();
            StatementControl control = StatementControl.cancellable();
            running = control;
            try {
                StatementResult result = runner.run(s.text(), Map.of(), control);
                ResultPrinter.print(out, result, format);
                if (result instanceof StatementResult.SchemaChange) {
                    schema = null;
                }
            } catch (StatementFailure f) {
                return failed(f.within(s.start()));
            } catch (RuntimeException e) {
                return failed(e);
            } finally {
                running = null;
            }
            if (timing) {
                out.printf(Locale.ROOT, "time: %.3f ms%n", (System.nanoTime() - started) / 1e6);
            }
        }
        return true;
    }

    private boolean dotCommand(String line) {
        String[] words = line.split("\\s+");
        String arg = words.length > 1 ? words[1] : null;
        if (words.length > 2) {
            return usage(words[0]);
        }
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case ".help" -> help();
                case ".quit", ".exit" -> quit = true;
                case ".tables" -> {
                    schema = runner.schema();
                    schema.tables().forEach(t -> out.println(t.name()));
                }
                case ".schema" -> {
                    schema = runner.schema();
                    if (arg == null) {
                        SchemaText.print(out, runner.target(), schema);
                    } else {
                        CollectionSchema.Table table = schema.table(arg).orElse(null);
                        if (table == null) {
                            err.println("error: no such table: " + arg + " (.tables lists them)");
                            return false;
                        }
                        SchemaText.printTable(out, table);
                    }
                }
                case ".format" -> {
                    if (arg == null) {
                        out.println(format.name().toLowerCase(Locale.ROOT));
                    } else {
                        try {
                            format = ResultFormat.valueOf(arg.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            return usage(".format");
                        }
                    }
                }
                case ".timing" -> {
                    if (arg == null || !(arg.equalsIgnoreCase("on") || arg.equalsIgnoreCase("off"))) {
                        return usage(".timing");
                    }
                    timing = arg.equalsIgnoreCase("on");
                }
                default -> {
                    err.println("error: unknown command " + words[0] + " (.help lists the commands)");
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    private void help() {
        for (String[] c : Vocabulary.DOT_COMMANDS) {
            out.printf(Locale.ROOT, "%-24s %s%n", c[0] + (c[1].isEmpty() ? "" : " " + c[1]), c[2]);
        }
        out.println("Statements end with ';' and may span lines. Tab completes keywords, tables, columns and types;");
        out.println("Ctrl-C drops the line being typed or cancels the running statement, Ctrl-D leaves.");
    }

    private boolean usage(String command) {
        for (String[] c : Vocabulary.DOT_COMMANDS) {
            if (c[0].equalsIgnoreCase(command)) {
                err.println("error: usage: " + c[0] + (c[1].isEmpty() ? "" : " " + c[1]));
                return false;
            }
        }
        err.println("error: unknown command " + command + " (.help lists the commands)");
        return false;
    }

    private boolean failed(RuntimeException e) {
        err.println(ErrorLine.of(e).orElse("error: unexpected " + e));
        return false;
    }
}
