package io.hyperspatial.hyperql.source;

/** One change to a table's rows; {@link Table#apply} applies a list of them atomically. */
public sealed interface TableMutation {
    /** What an insert does when it collides with a unique key. */
    enum OnConflict { ABORT, REPLACE, IGNORE }

    /** Adds a row (already converted to the columns' affinities). */
    record Insert(Object[] row, OnConflict onConflict) implements TableMutation {
    }

    /** Replaces the row with the given id (as the source's cursor gave it). */
    record Update(Object rowId, Object[] row) implements TableMutation {
    }

    /** Removes the row with the given id. */
    record Delete(Object rowId) implements TableMutation {
    }
}
