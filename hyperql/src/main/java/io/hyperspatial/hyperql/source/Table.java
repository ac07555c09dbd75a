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

    /**
     * Whether the rows of this table, which has no {@code INTEGER PRIMARY KEY}, carry SQLite's hidden
     * rowid, which SQL reads and writes as {@code rowid}, {@code oid} or {@code _rowid_}. When true:
     * every row a cursor returns has one element past the schema's columns, the rowid (a
     * {@code Long}, unique in the table); a full scan returns rows in rowid order; an
     * {@link TableMutation.Insert} row may have that element too (an integer, or null or absent for
     * one more than the largest rowid, 1 when the table is empty) and an {@link TableMutation.Update}
     * row has it (a different value moves the row); a collision on it is {@code UNIQUE constraint
     * failed: TABLE.rowid} under the statement's conflict rule; access paths may name it as column
     * {@code schema().columns().size()}. False by default: the engine then refuses {@code rowid} on
     * the table with {@code HQL_UNSUPPORTED} (a table with an {@code INTEGER PRIMARY KEY} has that
     * column as its rowid, whatever this says).
     */
    default boolean keepsRowid() {
        return false;
    }

    /** The access paths beyond a full scan this table offers; empty when it offers none. */
    List<AccessPath> accessPaths();

    /** Opens a cursor for a request whose access path {@link #accessPaths()} declared (a full scan always works). */
    RowCursor open(AccessRequest request);

    /**
     * The rows of a full scan cut into at most {@code slices} cursors that threads may read at once:
     * each cursor may be moved by a thread other than the caller's (by one thread at a time), and the
     * cursors read one after the other return exactly the rows {@code open(request)} returns, in its
     * order. They end with the statement, like the cursors of {@link #open}. Empty (the default) when
     * the table cannot cut its scan, or not for these columns: the engine then reads it on one thread.
     */
    default List<RowCursor> openSlices(AccessRequest.FullScan request, int slices) {
        return List.of();
    }

    /**
     * Applies the mutations in order, all or nothing: on a violated constraint it throws an
     * {@link io.hyperspatial.hyperql.error.HqlExecutionException} with code {@code HQL_CONSTRAINT} and
     * the table is as before. Returns the number of rows inserted, updated or deleted and the last
     * row inserted as stored (for {@code last_insert_rowid()}).
     */
    Applied apply(List<TableMutation> mutations);
}
