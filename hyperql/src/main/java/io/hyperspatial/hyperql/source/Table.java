package io.hyperspatial.hyperql.source;

import java.util.List;

/**
 * A table of a {@link DataSource}: its schema, the ways it can be read and, when writable, the
 * way it is changed. Implementations state their own thread-safety.
 */
public interface Table {
    /** The table's schema. */
    TableSchema schema();

    /** The number of rows, or an estimate; the optimizer uses it to order joins and pick access paths. */
    long rowCount();

    /**
     * How many stored rows a full scan reads: the row count, unless the storage reads past rows
     * of other tables too (a table that is one type of entity among others). Join planning weighs
     * a scan of the table against looking rows up by key with it.
     */
    default long fullScanRows() {
        return rowCount();
    }

    /** The access paths beyond a full scan this table offers; empty when it offers none. */
    List<AccessPath> accessPaths();

    /** Opens a cursor for a request whose access path {@link #accessPaths()} declared (a full scan always works). */
    RowCursor open(AccessRequest request);

    /**
     * Applies the mutations in order, all or nothing: on a violated constraint it throws an
     * {@link io.hyperspatial.hyperql.error.HqlExecutionException} with code {@code HQL_CONSTRAINT} and
     * the table is as before. Returns the number of rows inserted, updated or deleted and the last
     * row inserted as stored (for {@code last_insert_rowid()}).
     */
    Applied apply(List<TableMutation> mutations);
}
