package io.hyperspatial.hyperql.source;

/**
 * A forward-only cursor over rows of one table. Rows are full-width arrays in column order;
 * columns the request did not ask for may be null. Not thread-safe; the array returned by
 * {@link #row()} may be reused after the next call to {@link #next()}, and must not be modified.
 */
public interface RowCursor {
    /** Advances to the next row; false when there is none. */
    boolean next();

    /** The current row. */
    Object[] row();

    /**
     * The current row's id, stable until the row is deleted; what {@link TableMutation}s name rows
     * by. Its type is the source's own (a {@code Long} position, a UUID…): the engine only hands it back.
     */
    Object rowId();
}
