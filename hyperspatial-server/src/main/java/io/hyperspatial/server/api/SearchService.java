package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.ValueJson;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.operation.KnnQuery;
import io.hyperspatial.server.operation.KnnResult;
import io.hyperspatial.server.operation.KnnSearch;

import java.util.List;

/**
 * {@code POST /v1/collections/{c}/search}: the k nearest entities in a dense vector field, or
 * by a kind of position ({@code "field": "position.graph"}), through the HNSW index.
 * <pre>{@code
 * {"field": "emb", "vector": [0.1, 0.2, 0.3] | "like": "KEY", "k": 10, "ef": 0,
 *  "wait_for_index": false, "properties": ["name"]}
 * }</pre>
 * {@code like} searches with that entity's own vector (or position) and leaves it out of the
 * results; a {@code vector} for a position index is a point of the Poincaré ball.
 * {@code wait_for_index} first waits until the index reflects every write acknowledged before
 * the search arrived. Results: key, id, distance and the requested properties. The search itself
 * is {@link KnnSearch}, shared with gRPC. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class SearchService {
    private final KnnSearch search;

    public SearchService(HyperspatialDatabase db) {
        this.search = new KnnSearch(db);
    }

    /** The query of a request body; shape errors name the member at fault. */
    private static KnnQuery read(JsonInput body) {
        JsonInput vector = body.get("vector");
        JsonInput like = body.get("like");
        if (vector.present() == like.present()) {
            throw body.invalid("needs exactly one of 'vector' and 'like'");
        }
        JsonInput properties = body.get("properties");
        return new KnnQuery(body.required("field").name(), vector.present() ? vector.floats() : null,
                like.present() ? like.name() : null, body.get("k").intIn(1, KnnQuery.MAX_K, KnnQuery.DEFAULT_K),
                body.get("ef").intIn(0, KnnQuery.MAX_EF, 0), body.get("wait_for_index").bool(false),
                properties.present() ? properties.names() : List.of());
    }

    @Post("/v1/collections/{collection}/search")
    @RequiresRole(Role.READ)
    public HttpResponse search(@Param("collection") String name, AggregatedHttpRequest request) {
        KnnQuery q = read(Json.body(request));
        KnnResult result = search.search(name, q);
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        for (KnnResult.Hit h : result.hits()) {
            ObjectNode r = results.addObject();
            r.put("key", h.key());
            r.put("id", h.id().toString());
            r.put("distance", h.distance());
            if (!q.properties().isEmpty()) {
                r.set("properties", ValueJson.write(h.properties()));
            }
        }
        out.put("index_sequence", result.indexSequence());
        return Json.ok(out);
    }
}
