package io.hyperspatial.server.codec;

import io.hyperspatial.manifold.value.Value;

import java.util.List;
import java.util.Map;

/**
 * One entity of a batch upsert, parsed and typed: created if its key is new, else touched;
 * the given properties set (others kept; null removes one), the given vectors set, and edges
 * added from it to other entities by key (which may not exist yet).
 */
public record EntityItem(String key, String type, Map<String, Value> properties, Map<String, VectorValue> vectors,
                         List<EdgeItem> edges) {
}
