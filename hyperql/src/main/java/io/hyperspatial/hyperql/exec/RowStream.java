package io.hyperspatial.hyperql.exec;

/**
 * A pull-based stream of rows: the executor's operator interface. {@link #next()} returns the next
 * row or null at the end. Rows handed out are not modified afterwards. Not thread-safe.
 */
@FunctionalInterface
public interface RowStream {
    /** The next row, or null when there are no more. */
    Object[] next();
}
