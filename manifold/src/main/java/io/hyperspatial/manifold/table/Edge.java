package io.hyperspatial.manifold.table;

import java.util.UUID;

/**
 * A typed, weighted, directed edge. A removed edge stays as an inactive row with its
 * {@code deletedMillis} until it is added again or an endpoint is deleted.
 */
public record Edge(UUID from, String type, UUID to, float weight, boolean active, long createdMillis, long deletedMillis) {
}
