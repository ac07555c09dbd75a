package io.hyperspatial.manifold.table;

import java.util.Optional;
import java.util.UUID;

/**
 * An entity's header: its type, optional user key, timestamps (epoch millis) and version, which
 * every change to the entity's type, properties or vectors increments.
 */
public record Entity(UUID id, String type, Optional<String> key, long createdMillis, long updatedMillis, long version) {
}
