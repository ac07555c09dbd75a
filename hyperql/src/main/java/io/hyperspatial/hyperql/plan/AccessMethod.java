package io.hyperspatial.hyperql.plan;

/**
 * How a {@link PlanNode.Scan} reads its table: a full scan, or one of the access paths the table
 * declared, chosen by the optimizer. Key and bound expressions hold no column of the scanned row.
 */
public sealed interface AccessMethod {
    /** Every row. */
    record FullScan() implements AccessMethod {
    }

    /** Rows whose column equals the key. */
    record KeyLookup(int column, Scalar key, Coercion coercion) implements AccessMethod {
    }

    /** Rows whose column is within bounds (a null bound is open). */
    record Range(int column, Scalar lower, boolean lowerInclusive, Scalar upper, boolean upperInclusive,
                 Coercion coercion) implements AccessMethod {
    }
}
