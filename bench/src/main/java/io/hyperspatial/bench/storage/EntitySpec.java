package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.value.Value;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One logical write of the benchmark: an entity of type {@value #TYPE} with its user key, five
 * properties of five value types, and one {@value #EDGE} edge to {@code previous} (the entity
 * written before it in the same chain). Both systems write the same specs.
 */
record EntitySpec(String key, UUID id, UUID previous, String name, long count, double score, boolean active,
                  Instant seen, float weight) {
    static final String TYPE = "Item";
    static final String EDGE = "follows";
    /** Property names in the order the raw encoder writes them. */
    static final String[] PROPERTIES = {"name", "count", "score", "active", "seen"};

    /** The property values in {@link #PROPERTIES} order. */
    Value[] values() {
        return new Value[]{Value.of(name), Value.of(count), Value.of(score), Value.of(active), Value.of(seen)};
    }

    /** The property values by name, as a manifold transaction takes them. */
    Map<String, Value> properties() {
        Value[] v = values();
        return Map.of(PROPERTIES[0], v[0], PROPERTIES[1], v[1], PROPERTIES[2], v[2], PROPERTIES[3], v[3],
                PROPERTIES[4], v[4]);
    }
}
