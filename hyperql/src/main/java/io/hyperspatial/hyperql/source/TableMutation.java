package io.hyperspatial.hyperql.source;

/** One change to a table's rows; {@link Table#apply} applies a list of them atomically. */
public sealed interface TableMutation {
    /**
     * What an insert or update does when it collides with a unique key: fail the statement, delete
     * the rows it collides with, or leave this row out (unchanged).
     */
    enum OnConflict { ABORT, REPLACE, IGNORE }

    /** Adds a row (already converted to the columns' affinities). */
    record Insert(Object[] row, OnConflict onConflict) implements TableMutation {
    }

    /** Replaces the row with the given id (as the source's cursor gave it). */
    record Update(Object rowId, Object[] row, OnConflict onConflict) implements TableMutation {
        /** An update that fails the statement on a collision. */
        public Update(Object rowId, Object[] row) {
            this(rowId, row, OnConflict.ABORT);
        }
    }

    /** Removes the row with the given id. */
    record Delete(Object rowId) implements TableMutation {
    }
}
