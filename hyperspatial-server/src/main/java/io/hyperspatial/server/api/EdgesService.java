package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Default;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.BatchReader;
import io.hyperspatial.server.codec.EdgeItem;
import io.hyperspatial.server.codec.EntityJson;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.http.RequestParams;
import io.hyperspatial.server.operation.EntityStore;

import java.util.List;
import java.util.UUID;

/**
 * Edges: {@code POST /v1/collections/{c}/edges} adds a batch in one transaction (endpoints by
 * key; they may not exist yet), and {@code GET /v1/collections/{c}/entities/{key}/edges} lists an
 * entity's active edges, {@code ?direction=out|in|both} (both by default) and optionally
 * {@code ?type=T}. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class EdgesService {
    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;

    public EdgesService(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    @Post("/v1/collections/{collection}/edges")
    @RequiresRole(Role.WRITE)
    public HttpResponse upsert(@Param("collection") String name, @Param("durability") @Default("") String durability,
                               AggregatedHttpRequest request) {
        Durability d = RequestParams.durability(durability);
        JsonInput body = Json.body(request);
        Collection c = db.collection(name);
        List<EdgeItem> items = BatchReader.edges(body, c.schema());
        long sequence = frozen.write(name, () -> c.write(d, tx -> BatchReader.applyEdges(tx, c, items)));
        ObjectNode out = Json.object();
        out.put("upserted", items.size());
        out.put("sequence", sequence);
        return Json.ok(out);
    }

    @Get("/v1/collections/{collection}/entities/{key}/edges")
    @RequiresRole(Role.READ)
    public HttpResponse list(@Param("collection") String name, @Param("key") String key,
                             @Param("direction") @Default("both") String direction, @Param("type") @Default("") String type) {
        boolean out = direction.equals("out") || direction.equals("both");
        boolean in = direction.equals("in") || direction.equals("both");
        if (!out && !in) {
            throw ApiException.invalid("direction", "query parameter 'direction' must be out, in or both, got '" + direction + "'");
        }
        Collection c = db.collection(name);
        UUID id = c.ids().forKey(key);
        return c.read(view -> {
            if (!view.entities().exists(id)) {
                throw EntityStore.notFound(name, key);
            }
            ObjectNode result = Json.object();
            result.put("key", key);
            if (out) {
                render(view, result.putArray("outgoing"),
                        type.isEmpty() ? view.graph().outgoing(id) : view.graph().outgoing(id, type));
            }
            if (in) {
                render(view, result.putArray("incoming"),
                        type.isEmpty() ? view.graph().incoming(id) : view.graph().incoming(id, type));
            }
            return Json.ok(result);
        });
    }

    private static void render(ReadView view, ArrayNode into, List<Edge> edges) {
        edges.forEach(e -> into.add(EntityJson.edge(view, e)));
    }
}
