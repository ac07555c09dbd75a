package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.exec.SessionState;

import java.util.List;
import java.util.Map;

/**
 * A session of an {@link Engine}: what SQLite calls a database connection, as far as the values
 * it keeps between statements go. {@code last_insert_rowid()} is the rowid (the INTEGER PRIMARY
 * KEY, or the hidden rowid of a table that {@linkplain io.hyperspatial.hyperql.source.Table#keepsRowid()
 * keeps one}) of the last row the session's statements inserted (0 before any; an insert into a
 * table with neither leaves it as it was), {@code changes()} the rows its last INSERT,
 * UPDATE or DELETE inserted, updated or deleted, {@code total_changes()} those of all of them;
 * statements that fail change none of them. Statements of other sessions do not affect them.
 *
 * <p>Sessions share the engine's plan cache and data, and are cheap: open one per client or unit
 * of work ({@link Engine#openSession()}). {@link Engine#execute} runs in the engine's own session
 * ({@link Engine#ownSession()}). A session is meant for one thread at a time, like a connection;
 * its statements run under the engine's rules for concurrency, and when two of them overlap the
 * values are those of the one that finished last.
 */
public final class Session {
    private final Engine engine;
    private final SessionState state = new SessionState();

    Session(Engine engine) {
        this.engine = engine;
    }

    /** Runs one statement with positional parameter values. */
    public StatementResult execute(String sql, Object... parameters) {
        return engine.prepare(sql).execute(this, null, parameters);
    }

    /** Runs one statement with named parameter values, stopped by {@code control} (null: nothing stops it). */
    public StatementResult execute(String sql, Map<String, ?> parameters, StatementControl control) {
        return engine.prepare(sql).execute(this, parameters, control);
    }

    /** Runs a script of statements separated by semicolons; see {@link Engine#executeScript(String)}. */
    public List<StatementResult> executeScript(String sql) {
        return engine.executeScript(sql, state);
    }

    /** The rowid of the last row this session inserted (into a table that has one), 0 before any. */
    public long lastInsertRowid() {
        return state.value(io.hyperspatial.hyperql.plan.SessionFunction.LAST_INSERT_ROWID);
    }

    /** The rows this session's last INSERT, UPDATE or DELETE changed, 0 before any. */
    public long changes() {
        return state.value(io.hyperspatial.hyperql.plan.SessionFunction.CHANGES);
    }

    /** The state its statements read and update, checked to belong to {@code engine}. */
    SessionState state(Engine engine) {
        if (engine != this.engine) {
            throw new IllegalArgumentException("the session belongs to another engine");
        }
        return state;
    }
}
