package io.hyperspatial.core.index;

/** One k-NN result: the caller's id and the metric's true distance to the query. */
public record SearchHit(int id, float distance) {
}
