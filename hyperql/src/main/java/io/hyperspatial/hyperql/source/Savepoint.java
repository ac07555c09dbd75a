package io.hyperspatial.hyperql.source;

/**
 * A point a data source can go back to: every {@link Table#apply} made after
 * {@link DataSource#savepoint()} returned is undone by {@link #rollback()} or kept by
 * {@link #release()}. The engine takes one around a statement that fires triggers, whose rows and
 * trigger bodies are several applies that must take effect together. Exactly one of the two is
 * called, once, on the thread that took it.
 */
public interface Savepoint {
    /** Undoes every apply made since the savepoint was taken. */
    void rollback();

    /** Keeps the applies made since the savepoint was taken. */
    void release();
}
