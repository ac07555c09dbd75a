package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.collection.CollectionDigest;
import io.hyperspatial.server.http.Json;

/**
 * {@code GET /v1/collections/{c}/digest}: the collection's {@link CollectionDigest} (256 bucket
 * hashes and a root hash) for comparing copies. Reads every stored row: O(data). Thread-safe.
 */
@Blocking
public final class DigestService {
    private final HyperspatialDatabase db;

    public DigestService(HyperspatialDatabase db) {
        this.db = db;
    }

    @Get("/v1/collections/{collection}/digest")
    @RequiresRole(Role.READ)
    public HttpResponse digest(@Param("collection") String name) {
        CollectionDigest d = CollectionDigest.of(db.collection(name));
        ObjectNode out = Json.object();
        out.put("collection", name);
        out.put("covers_sequence", d.coversSequence());
        out.put("entities", d.entities());
        out.put("root", d.root());
        ArrayNode buckets = out.putArray("buckets");
        d.buckets().forEach(buckets::add);
        return Json.ok(out);
    }
}
