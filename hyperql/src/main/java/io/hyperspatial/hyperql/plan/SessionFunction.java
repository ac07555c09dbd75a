package io.hyperspatial.hyperql.plan;

import java.util.Locale;
import java.util.Optional;

/**
 * The functions whose value is a fact about the session running the statement rather than about
 * their arguments (they take none), as SQLite defines them per connection: read when the
 * statement runs, never folded into the plan, which sessions share.
 */
public enum SessionFunction {
    /** The INTEGER PRIMARY KEY of the last row the session inserted into a table that has one; 0 before any. */
    LAST_INSERT_ROWID,
    /** The rows inserted, updated or deleted by the session's last INSERT, UPDATE or DELETE; 0 before any. */
    CHANGES,
    /** The rows inserted, updated or deleted by all of the session's INSERT, UPDATE and DELETE statements. */
    TOTAL_CHANGES;

    /** The name SQL calls it by. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The session function of that (lower-case) name, if it is one. */
    public static Optional<SessionFunction> named(String name) {
        for (SessionFunction f : values()) {
            if (f.sqlName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
