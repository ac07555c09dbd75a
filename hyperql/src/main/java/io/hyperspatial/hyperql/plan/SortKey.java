package io.hyperspatial.hyperql.plan;

/**
 * One ORDER BY key.
 *
 * @param expression the value sorted on, evaluated against the node's input row
 * @param descending whether larger values come first
 * @param nullsFirst whether NULLs come before all values
 */
public record SortKey(Scalar expression, boolean descending, boolean nullsFirst) {
}
