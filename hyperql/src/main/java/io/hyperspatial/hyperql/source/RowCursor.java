package io.hyperspatial.hyperql.source;

/**
 * A forward-only cursor over rows of one table. Rows are full-width arrays in column order;
 * columns the request did not ask for may be null. Not thread-safe; the array returned by
 * {@link #row()} may be reused after the next call to {@link #next()}, and must not be modified,
 * unless the cursor {@linkplain #handsOverRows() hands its rows over}.
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

    /**
     * Whether every {@link #row()} is a new array of exactly the table's width that the cursor
     * never touches again, so the engine may keep and modify it instead of copying it. False by
     * default: a source that serves its stored arrays must not have them changed.
     */
    default boolean handsOverRows() {
        return false;
    }
}
