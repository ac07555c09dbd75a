package io.hyperspatial.server.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.server.codec.EntityJson;
import io.hyperspatial.server.http.Json;

import java.util.Locale;

/**
 * A change event as one WebSocket message:
 * <pre>{@code
 * {"sequence": 42, "time_millis": 1767225600000, "schema_revision": 3,
 *  "changes": [{"id": "…", "key": "alice", "flags": ["created", "properties"]}]}
 * }</pre>
 * {@code schema_revision} only when the operation changed the schema. Keys are read from the
 * view given (the current state): an entity deleted since has a null key. Stateless.
 */
final class ChangeEventJson {
    private ChangeEventJson() {
    }

    static ObjectNode write(ChangeEvent event, ReadView view) {
        ObjectNode o = Json.object();
        o.put("sequence", event.sequence());
        o.put("time_millis", event.timeMillis());
        if (event.schemaRevision() != 0) {
            o.put("schema_revision", event.schemaRevision());
        }
        ArrayNode changes = o.putArray("changes");
        for (EntityChange c : event.changes()) {
            ObjectNode change = changes.addObject();
            change.put("id", c.id().toString());
            change.put("key", EntityJson.keyOf(view, c.id()).orElse(null));
            ArrayNode flags = change.putArray("flags");
            for (ChangeFlag f : c.flags()) {
                flags.add(f.name().toLowerCase(Locale.ROOT));
            }
        }
        return o;
    }
}
