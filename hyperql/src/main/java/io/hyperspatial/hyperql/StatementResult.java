package io.hyperspatial.hyperql;

import java.util.List;

/** What running a statement produced: rows, a count of changed rows, or a schema change. */
public sealed interface StatementResult {

    /**
     * The rows of a query (or the lines of an EXPLAIN), fully read.
     *
     * @param columns the column names
     * @param rows    the rows; each a list of values (null, Long, Double, String, Blob, Vector)
     */
    record Rows(List<String> columns, List<List<Object>> rows) implements StatementResult {
    }

    /** INSERT, UPDATE or DELETE: how many rows changed. */
    record Count(long changed) implements StatementResult {
    }

    /** A CREATE or DROP, described in words ({@code "created table t1"}, or that nothing was done). */
    record SchemaChange(String description) implements StatementResult {
    }
}
