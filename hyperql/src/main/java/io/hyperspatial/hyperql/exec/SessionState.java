package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.plan.SessionFunction;

/**
 * What a session (SQLite's connection: {@link io.hyperspatial.hyperql.Session}) remembers between
 * its statements: the rowid of the last row it inserted, the rows its last INSERT,
 * UPDATE or DELETE changed and the rows all of them changed. A statement updates it only when it
 * succeeds. The fields are volatile, so a value set by one thread is read by the next statement
 * of the session on another; a session whose statements overlap sees whichever finished last.
 */
public final class SessionState {
    private volatile long lastInsertRowid;
    private volatile long changes;
    private volatile long totalChanges;

    /** The value a session function reads. */
    public long value(SessionFunction function) {
        return switch (function) {
            case LAST_INSERT_ROWID -> lastInsertRowid;
            case CHANGES -> changes;
            case TOTAL_CHANGES -> totalChanges;
        };
    }

    /** A statement inserted a row whose rowid (INTEGER PRIMARY KEY or hidden rowid) is {@code rowid}. */
    public void inserted(long rowid) {
        lastInsertRowid = rowid;
    }

    /** An INSERT, UPDATE or DELETE statement changed {@code rows} rows. */
    public synchronized void changed(long rows) {
        changes = rows;
        totalChanges += rows;
    }
}
