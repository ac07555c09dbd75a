package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.ValueJson;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v1/collections/{c}/search}: the k nearest entities in a dense vector field, or
 * by a kind of position ({@code "field": "position.graph"}), through the HNSW index.
 * <pre>{@code
 * {"field": "emb", "vector": [0.1, 0.2, 0.3] | "like": "KEY", "k": 10, "ef": 0,
 *  "wait_for_index": false, "properties": ["name"]}
 * }</pre>
 * {@code like} searches with that entity's own vector (or position) and leaves it out of the
 * results; a {@code vector} for a position index is a point of the Poincaré ball.
 * {@code wait_for_index} first waits (up to {@link #MAX_WAIT}) until the index reflects every
 * write acknowledged before the search arrived. Results: key, id, distance and the requested
 * properties. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class SearchService {
    static final int MAX_K = 10_000;
    static final int MAX_EF = 100_000;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final HyperspatialDatabase db;

    public SearchService(HyperspatialDatabase db) {
        this.db = db;
    }

    /** A parsed search request. */
    private record Query(String field, float[] vector, String like, int k, int ef, boolean waitForIndex,
                         List<String> properties) {
        static Query read(JsonInput body) {
            JsonInput vector = body.get("vector");
            JsonInput like = body.get("like");
            if (vector.present() == like.present()) {
                throw body.invalid("needs exactly one of 'vector' and 'like'");
            }
            JsonInput properties = body.get("properties");
            return new Query(body.required("field").name(), vector.present() ? vector.floats() : null,
                    like.present() ? like.name() : null, body.get("k").intIn(1, MAX_K, 10),
                    body.get("ef").intIn(0, MAX_EF, 0), body.get("wait_for_index").bool(false),
                    properties.present() ? properties.names() : List.of());
        }
    }

    @Post("/v1/collections/{collection}/search")
    @RequiresRole(Role.READ)
    public HttpResponse search(@Param("collection") String name, AggregatedHttpRequest request) {
        Query q = Query.read(Json.body(request));
        Collection c = db.collection(name);
        CollectionIndexer indexer = db.indexer(name);
        VectorField field = fieldOf(indexer, q.field());
        if (q.waitForIndex()) {
            long target = c.changes().lastSequence();
            if (!indexer.awaitApplied(target, MAX_WAIT)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ApiException.INDEX_BEHIND, "the index of '"
                        + q.field() + "' did not reach sequence " + target + " within " + MAX_WAIT.toSeconds() + " s");
            }
        }
        UUID self = q.like() == null ? null : c.ids().forKey(q.like());
        float[] vector = q.vector() != null ? q.vector() : vectorOf(c, indexer, name, q, self);
        try {
            WriteValidator.dense(field, vector);
        } catch (ManifoldException e) {
            throw ApiException.at("vector", null, e);
        }
        List<EntityHit> hits = indexer.search(q.field(), vector, self == null ? q.k() : q.k() + 1, q.ef(), null);
        try (ReadView view = c.snapshot()) {
            ObjectNode out = Json.object();
            ArrayNode results = out.putArray("results");
            for (EntityHit h : hits) {
                if (h.entity().equals(self) || results.size() == q.k()) {
                    continue;
                }
                Optional<Entity> e = view.entities().get(h.entity());
                if (e.isEmpty()) {
                    continue;
                }
                ObjectNode r = results.addObject();
                r.put("key", e.get().key().orElse(null));
                r.put("id", h.entity().toString());
                r.put("distance", h.distance());
                if (!q.properties().isEmpty()) {
                    r.set("properties", selected(view, h.entity(), q.properties()));
                }
            }
            out.put("index_sequence", indexer.appliedSequence());
            return Json.ok(out);
        }
    }

    private static VectorField fieldOf(CollectionIndexer indexer, String name) {
        try {
            return indexer.field(name);
        } catch (ManifoldException e) {
            throw ApiException.at("field", null, e);
        }
    }

    private static float[] vectorOf(Collection c, CollectionIndexer indexer, String collection, Query q, UUID id) {
        if (!c.read(view -> view.entities().exists(id))) {
            throw EntitiesService.notFound(collection, q.like());
        }
        return indexer.pointOf(q.field(), id).orElseThrow(() -> ApiException.invalid("like",
                "entity '" + q.like() + "' has no " + (q.field().startsWith("position.") ? "position in '"
                        : "vector in field '") + q.field() + "'"));
    }

    private static ObjectNode selected(ReadView view, UUID id, List<String> names) {
        Map<String, Value> all = view.properties().all(id);
        ObjectNode o = Json.object();
        for (String n : names) {
            Value v = all.get(n);
            if (v != null) {
                o.set(n, ValueJson.write(v));
            }
        }
        return o;
    }
}
