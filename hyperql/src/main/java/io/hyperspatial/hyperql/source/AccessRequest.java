package io.hyperspatial.hyperql.source;

import io.hyperspatial.hyperql.value.Vector;

import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the executor asks a table for. {@code columns} says which columns the query reads (the
 * others may be left null in the rows; null means all): the projection pushed down to the source.
 */
public sealed interface AccessRequest {
    /** The columns to fill, or null for all. */
    BitSet columns();

    /** Every row. */
    record FullScan(BitSet columns) implements AccessRequest {
    }

    /** Rows whose {@code column} equals {@code key} (never matches NULL). Needs a {@link AccessPath.KeyLookup}. */
    record Lookup(int column, Object key, BitSet columns) implements AccessRequest {
    }

    /**
     * Rows whose {@code column} equals one of {@code keys} (none of them NULL), each row once even
     * when several keys match it, in no particular order: the lookups of many keys in one request,
     * which a source may serve with one batched read (a join probing a table by key does this).
     * Needs a {@link AccessPath.KeyLookup}.
     */
    record Lookups(int column, List<Object> keys, BitSet columns) implements AccessRequest {
        public Lookups {
            keys = List.copyOf(keys);
        }
    }

    /**
     * Rows whose {@code column} is within the bounds, in ascending column order; a null bound is open.
     * NULL column values never match. Needs a {@link AccessPath.RangeScan}.
     */
    record Range(int column, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive, BitSet columns)
            implements AccessRequest {
    }

    /**
     * The {@code k} rows nearest to {@code query} in {@code column} under {@code metric} among those
     * accepted by {@code filter}, nearest first. Needs a {@link AccessPath.KnnScan}.
     */
    record Knn(int column, Vector query, VectorMetric metric, int k, Predicate<Object[]> filter, BitSet columns)
            implements AccessRequest {
    }

    /**
     * Every row whose vector in {@code column} lies within {@code radius} of {@code query} under
     * {@code metric} — distance ≤ radius as {@link VectorMetric#distance} computes it in double
     * precision, so the boundary is the one the row-by-row {@code NEAR} test draws — among those
     * accepted by {@code filter}, nearest first, at most {@code limit} of them (the nearest ones;
     * {@link Integer#MAX_VALUE}: all). The query has the column's dimensions and, for a hyperbolic
     * metric, lies in its model (the engine checks). Needs a {@link AccessPath.RadiusScan}.
     */
    record Within(int column, Vector query, VectorMetric metric, double radius, int limit, Predicate<Object[]> filter,
                  BitSet columns) implements AccessRequest {
    }
}
