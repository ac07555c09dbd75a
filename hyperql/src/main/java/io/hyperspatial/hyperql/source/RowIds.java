package io.hyperspatial.hyperql.source;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;

/**
 * SQLite's rule for filling in an {@code INTEGER PRIMARY KEY} (its rowid alias) that an INSERT
 * leaves NULL: one more than the largest integer the column holds at that moment, or 1 when it
 * holds none. A deleted largest value is therefore handed out again, as in SQLite without
 * {@code AUTOINCREMENT}. Where SQLite would then try random values once the largest is
 * {@link Long#MAX_VALUE}, this fails with {@link ErrorCode#HQL_OUT_OF_RANGE}. Every data source
 * that fills the column in uses this rule, and so does a table's hidden rowid
 * ({@link Table#keepsRowid()}), which SQL names {@code rowid}, {@code oid} or {@code _rowid_}
 * ({@link #isAlias}); stateless.
 */
public final class RowIds {
    private RowIds() {
    }

    /** Whether a name is one of SQLite's names of the rowid ({@code rowid}, {@code oid}, {@code _rowid_}, any case). */
    public static boolean isAlias(String name) {
        return name.equalsIgnoreCase("rowid") || name.equalsIgnoreCase("oid") || name.equalsIgnoreCase("_rowid_");
    }

    /**
     * The value for a new row.
     *
     * @param largest the largest integer in the column now, or null when it holds none
     * @param table   the table, for the error message
     */
    public static long next(Long largest, String table) {
        if (largest == null) {
            return 1;
        }
        if (largest == Long.MAX_VALUE) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "table " + table
                    + " holds the largest rowid (" + Long.MAX_VALUE + "): give the key explicitly");
        }
        return largest + 1;
    }
}
