package io.hyperspatial.server.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.server.http.Json;

import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Entities and edges as response JSON, read from one {@link ReadView}. An entity is
 * {@code {"key", "id", "type", "created_millis", "updated_millis", "version", "properties", "vectors"?}};
 * an edge names both ends by key where the entity exists (else null) and by id. Stateless.
 */
public final class EntityJson {
    private EntityJson() {
    }

    /** The entity, with its vectors of every field if {@code withVectors}. */
    public static ObjectNode entity(ReadView view, Entity e, boolean withVectors) {
        ObjectNode o = Json.object();
        o.put("key", e.key().orElse(null));
        o.put("id", e.id().toString());
        o.put("type", e.type());
        o.put("created_millis", e.createdMillis());
        o.put("updated_millis", e.updatedMillis());
        o.put("version", e.version());
        o.set("properties", ValueJson.write(view.properties().all(e.id())));
        if (withVectors) {
            ObjectNode vectors = o.putObject("vectors");
            for (VectorField f : new TreeMap<>(view.schema().vectorFields()).values()) {
                VectorValue.stored(view, e.id(), f).ifPresent(v -> vectors.set(f.name(), v));
            }
        }
        return o;
    }

    public static ObjectNode edge(ReadView view, Edge edge) {
        ObjectNode o = Json.object();
        o.put("from", keyOf(view, edge.from()).orElse(null));
        o.put("type", edge.type());
        o.put("to", keyOf(view, edge.to()).orElse(null));
        o.put("weight", edge.weight());
        o.put("from_id", edge.from().toString());
        o.put("to_id", edge.to().toString());
        o.put("created_millis", edge.createdMillis());
        return o;
    }

    /** The user key of an entity, if it exists and has one. */
    public static Optional<String> keyOf(ReadView view, UUID id) {
        return view.entities().get(id).flatMap(Entity::key);
    }
}
