package io.hyperspatial.hyperql.source;

/**
 * A way to read a table other than the full scan that every table offers, declared by the table so
 * that the optimizer can choose it. Each names the column it serves.
 */
public sealed interface AccessPath {
    /** The column the path is keyed on. */
    int column();

    /** Rows whose column equals a value, found without a scan. */
    record KeyLookup(int column, boolean unique) implements AccessPath {
    }

    /** Rows whose column lies between two bounds, found without a scan, in column order. */
    record RangeScan(int column) implements AccessPath {
    }

    /** Rows nearest to a query vector under a metric, nearest first, with an optional pushed-down filter. */
    record KnnScan(int column, VectorMetric metric) implements AccessPath {
    }

    /**
     * Rows whose vector lies within a radius of a query vector under a metric, nearest first, with
     * an optional pushed-down filter and limit ({@code NEAR … WITHIN}).
     */
    record RadiusScan(int column, VectorMetric metric) implements AccessPath {
    }
}
