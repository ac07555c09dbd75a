package io.hyperspatial.cli.output;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of long work on stderr. On a terminal, one line rewritten in place at most ten times a
 * second; elsewhere (a log file, a pipe, CI) a plain line at every tenth of the way, so logs stay
 * short. {@link #finish()} leaves the final state on its own line (once, however often it is called). Not thread-safe.
 */
public final class ProgressLine {
    /** Set to {@code true} by {@code bin/hyperspatial} when stderr is a terminal. */
    public static final String TTY_PROPERTY = "hyperspatial.stderr.tty";
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final long total;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private long done;
    private long lastDrawNanos;
    private boolean drawn;
    private int lastTenth;
    private boolean finished;

    public ProgressLine(PrintWriter err, String label, String unit, long total, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.total = Math.max(1, total);
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** A progress line on the given writer, in place if {@link #stderrIsTerminal()}. */
    public static ProgressLine onStderr(PrintWriter err, String label, String unit, long total) {
        return new ProgressLine(err, label, unit, total, stderrIsTerminal(), System::nanoTime);
    }

    /** Whether stderr is a terminal, as the launcher found out (Java cannot tell by itself) and TERM allows. */
    public static boolean stderrIsTerminal() {
        return Boolean.getBoolean(TTY_PROPERTY) && !"dumb".equals(System.getenv("TERM"));
    }

    public void update(long done) {
        this.done = done;
        if (terminal) {
            long now = nanoClock.getAsLong();
            if (!drawn || now - lastDrawNanos >= INTERVAL_NANOS) {
                lastDrawNanos = now;
                drawn = true;
                err.print("\r" + text() + "\u001B[K");
                err.flush();
            }
        } else {
            int tenth = (int) Math.min(10, done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(text());
                err.flush();
            }
        }
    }

    /** Shows the last state and ends the line. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (terminal) {
            err.print("\r" + text() + "\u001B[K\n");
        } else if (lastTenth < 10) {
            err.println(text());
        }
        err.flush();
    }

    private String text() {
        long percent = done * 100 / total;
        return label + ": " + HumanFormat.count(done) + "/" + HumanFormat.count(total) + " " + unit + " (" + percent + "%)";
    }
}
