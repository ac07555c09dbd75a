package io.hyperspatial.core.index.maintain;

/**
 * The state of one vector field's index.
 *
 * @param appliedSequence the change-feed sequence through which the index is up to date
 * @param backlog         committed change events not yet applied (the feed's last sequence − applied)
 */
public record FieldIndexStats(String field, String metric, int dimension, int vectors, long memoryBytes,
                              long appliedSequence, long backlog) {
}
