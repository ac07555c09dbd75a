package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.source.VectorMetric;

/**
 * How a {@link PlanNode.Scan} reads its table: a full scan, or one of the access paths the table
 * declared, chosen by the optimizer. Keys, bounds, query vectors and counts hold no column of the
 * scanned row; only a k-NN or radius scan's filter reads it.
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

    /**
     * The {@code k} rows nearest to {@code query} in {@code column} under {@code metric} among those
     * passing {@code filter} (null: all), nearest first.
     */
    record Knn(int column, Scalar query, VectorMetric metric, Scalar k, Scalar filter) implements AccessMethod {
    }

    /**
     * The rows within {@code radius} of {@code query} in {@code column} under {@code metric} among
     * those passing {@code filter} (null: all), nearest first; at most {@code limit} (null: all) of
     * them. {@code where} names the NEAR in errors.
     */
    record Radius(int column, Scalar query, VectorMetric metric, Scalar radius, Scalar limit, Scalar filter, String where)
            implements AccessMethod {
        /** The same scan keeping at most {@code n} nearest rows. */
        public Radius withLimit(Scalar n) {
            return new Radius(column, query, metric, radius, n, filter, where);
        }
    }
}
