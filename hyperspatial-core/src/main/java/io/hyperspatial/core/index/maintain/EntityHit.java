package io.hyperspatial.core.index.maintain;

import java.util.UUID;

/** A k-NN result over a collection: the entity and the metric's distance to the query. */
public record EntityHit(UUID entity, float distance) {
}
