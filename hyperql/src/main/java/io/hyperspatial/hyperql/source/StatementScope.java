package io.hyperspatial.hyperql.source;

/**
 * What a {@link DataSource} keeps for one running statement — the snapshot it reads from, the
 * cursors it opened — from {@link DataSource#openStatement()} until {@link #close()}. The engine
 * opens one per statement execution, on the thread that runs the statement, and closes it on that
 * thread once the results were read in full (whether the statement succeeded or failed); the
 * statement's calls into the source's tables and graph are made on that thread in between. So
 * statements on different threads have scopes of their own and never see each other's state.
 */
public interface StatementScope extends AutoCloseable {
    /** The scope of a source that keeps nothing per statement. */
    StatementScope NONE = () -> {
    };

    /** Releases what the statement held (closes its cursors, then its snapshot). */
    @Override
    void close();
}
