package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;

import java.time.Duration;

/**
 * Stops a running statement from outside: {@link #cancel()} from another thread (a REPL's Ctrl-C,
 * a client that went away) or a deadline given up front (a statement timeout). The executor calls
 * {@link #checkpoint()} as it produces rows and follows graph edges, and the statement then fails
 * with {@link ErrorCode#HQL_CANCELLED} or {@link ErrorCode#HQL_TIMEOUT}; a write statement is
 * stopped before it commits, so it changes nothing. Work inside one data-source call (building an
 * index, waiting for a k-NN index to catch up) finishes before the next checkpoint sees the stop.
 *
 * <p>One control serves one execution. {@link #cancel()} and {@link #check()} are thread-safe
 * (the workers of a parallel scan call {@code check()}); {@link #checkpoint()} is called by the
 * executing thread only.
 */
public final class StatementControl {
    /** Checkpoints between two looks at the clock and the flag: cheap enough per row, prompt enough to stop. */
    private static final int CHECK_EVERY = 256;
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final long deadlineNanos;
    private final Duration timeout;
    private volatile boolean cancelled;
    private int untilCheck = CHECK_EVERY;

    private StatementControl(Duration timeout) {
        this.timeout = timeout;
        this.deadlineNanos = timeout == null ? NO_DEADLINE : System.nanoTime() + timeout.toNanos();
    }

    /** A control with no deadline, stopped only by {@link #cancel()}. */
    public static StatementControl cancellable() {
        return new StatementControl(null);
    }

    /**
     * A control whose statement fails with {@link ErrorCode#HQL_TIMEOUT} once {@code timeout} has
     * passed from now (the time spent waiting for the engine counts).
     *
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public static StatementControl withTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a statement timeout must be positive, not " + timeout);
        }
        return new StatementControl(timeout);
    }

    /** Asks the statement to stop at its next checkpoint; harmless after it finished. */
    public void cancel() {
        cancelled = true;
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /**
     * Called by the executor per row or step: every few hundred calls it looks at the flag and
     * the deadline.
     *
     * @throws HqlExecutionException with {@code HQL_CANCELLED} or {@code HQL_TIMEOUT}
     */
    public void checkpoint() {
        if (--untilCheck > 0) {
            return;
        }
        untilCheck = CHECK_EVERY;
        check();
    }

    /**
     * Looks at the flag and the deadline now.
     *
     * @throws HqlExecutionException with {@code HQL_CANCELLED} or {@code HQL_TIMEOUT}
     */
    public void check() {
        if (cancelled) {
            throw new HqlExecutionException(ErrorCode.HQL_CANCELLED, "the statement was cancelled");
        }
        if (deadlineNanos != NO_DEADLINE && System.nanoTime() - deadlineNanos > 0) {
            throw new HqlExecutionException(ErrorCode.HQL_TIMEOUT, "the statement ran longer than its timeout of "
                    + timeout.toMillis() + " ms and was stopped");
        }
    }
}
