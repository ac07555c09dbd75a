package io.hyperspatial.hyperql.source;

/**
 * What {@link Table#apply} did.
 *
 * @param changed      the rows inserted, updated or deleted
 * @param lastInserted the last row inserted, as stored (an {@code INTEGER PRIMARY KEY} the source
 *                     filled in included), or null when no row was inserted
 */
public record Applied(long changed, Object[] lastInserted) {
}
