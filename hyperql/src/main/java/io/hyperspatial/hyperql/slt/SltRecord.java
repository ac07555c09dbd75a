package io.hyperspatial.hyperql.slt;

import java.util.List;

/** One record of a sqllogictest file. {@code line} is where it starts (1-based), for reports. */
public sealed interface SltRecord {
    /** The line the record starts on. */
    int line();

    /** A statement that must succeed ({@code statement ok}) or fail ({@code statement error}). */
    record StatementRecord(int line, boolean expectError, String sql, boolean skipped) implements SltRecord {
    }

    /**
     * A query and its expected output.
     *
     * @param types    one letter per column: I, R or T
     * @param sort     how to order values before comparing
     * @param label    the label tying queries that must agree, or null
     * @param expected the expected values, or null when the record gives none
     * @param skipped  true when an {@code onlyif} for another engine guards it
     */
    record QueryRecord(int line, String types, SortMode sort, String label, String sql, Expected expected,
                       boolean skipped) implements SltRecord {
    }

    /** {@code hash-threshold N}: results with more than N values are compared by hash. */
    record HashThreshold(int line, int threshold) implements SltRecord {
    }

    /** {@code halt}: stop reading the file. */
    record Halt(int line) implements SltRecord {
    }

    /** How a query's values are ordered before comparison. */
    enum SortMode { NOSORT, ROWSORT, VALUESORT }

    /** The expected output of a query. */
    sealed interface Expected {
    }

    /** The values, one per line as listed (a line with several space-separated values is one row). */
    record Values(List<String> lines) implements Expected {
    }

    /** {@code N values hashing to MD5}. */
    record Hash(int count, String md5) implements Expected {
    }
}
