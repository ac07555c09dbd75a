package io.hyperspatial.server.operation;

import io.hyperspatial.manifold.value.Value;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to a {@link KnnQuery}: hits nearest first, and the change-feed sequence the index
 * reflected when it answered.
 */
public record KnnResult(List<Hit> hits, long indexSequence) {
    public KnnResult {
        hits = List.copyOf(hits);
    }

    /** One entity found: its key (null if it has none), id, distance and the requested properties it has. */
    public record Hit(String key, UUID id, float distance, Map<String, Value> properties) {
    }
}
