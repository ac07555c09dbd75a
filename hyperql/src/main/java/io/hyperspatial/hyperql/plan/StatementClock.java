package io.hyperspatial.hyperql.plan;

/**
 * The time a statement reads as "now" ({@code date('now')}, {@code CURRENT_TIMESTAMP}): the
 * wall clock when the statement first asks, then that same instant for the rest of the statement,
 * as SQLite fixes it per statement. One per running statement; not thread-safe.
 */
public final class StatementClock {
    private boolean fixed;
    private long epochMillis;

    /** The statement's "now" in milliseconds since 1970-01-01 00:00:00 UTC. */
    public long epochMillis() {
        if (!fixed) {
            epochMillis = System.currentTimeMillis();
            fixed = true;
        }
        return epochMillis;
    }
}
