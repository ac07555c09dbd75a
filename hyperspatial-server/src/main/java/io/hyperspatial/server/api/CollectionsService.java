package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.decorator.RequestTimeout;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.CollectionStats;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.server.codec.IndexSettingsJson;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.SchemaJson;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.operation.CollectionCatalog;
import io.hyperspatial.server.operation.CollectionDescription;
import io.hyperspatial.server.operation.Compaction;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code /v1/collections}: create (with a schema), list, describe with statistics, additive
 * schema change, compaction, drop, freeze and unfreeze. Creating, changing, compacting, dropping
 * and freezing need the admin role. A new collection's indexer starts at once, so its vectors are indexed as they
 * arrive. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class CollectionsService {
    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;
    private final CollectionCatalog catalog;

    public CollectionsService(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
        this.catalog = new CollectionCatalog(db, frozen);
    }

    /** Body: {@code {"name": "...", ...schema}} (see {@link SchemaJson}). */
    @Post("/v1/collections")
    @RequiresRole(Role.ADMIN)
    public HttpResponse create(AggregatedHttpRequest request) {
        JsonInput body = Json.body(request);
        String name = body.required("name").name();
        return Json.response(HttpStatus.CREATED, describe(catalog.create(name, SchemaJson.change(body))));
    }

    @Get("/v1/collections")
    @RequiresRole(Role.READ)
    public HttpResponse list() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("collections");
        for (CollectionCatalog.Summary c : catalog.list()) {
            ObjectNode o = list.addObject();
            o.put("name", c.name());
            o.put("frozen", c.frozen());
        }
        return Json.ok(out);
    }

    @Get("/v1/collections/{collection}")
    @RequiresRole(Role.READ)
    public HttpResponse get(@Param("collection") String name) {
        return Json.ok(describe(catalog.describe(name)));
    }

    /** Adds to the schema; body as for create, without the name. Redefining something differently is 409. */
    @Post("/v1/collections/{collection}/schema")
    @RequiresRole(Role.ADMIN)
    public HttpResponse changeSchema(@Param("collection") String name, AggregatedHttpRequest request) {
        return changeSchema(name, SchemaJson.change(Json.body(request)));
    }

    private HttpResponse changeSchema(String name, Consumer<SchemaEditor> change) {
        return Json.ok(describe(catalog.changeSchema(name, change)));
    }

    /**
     * Changes the index settings of a dense vector field; body: the settings to change (see
     * {@link IndexSettingsJson}), e.g. {@code {"ef_search": 128}}; as
     * {@link CollectionCatalog#changeIndex} does it (the answer waits for the indexer to take the change).
     */
    @Patch("/v1/collections/{collection}/vector_fields/{field}/index")
    @RequiresRole(Role.ADMIN)
    public HttpResponse changeIndex(@Param("collection") String name, @Param("field") String field,
                                    AggregatedHttpRequest request) {
        return Json.ok(describe(catalog.changeIndex(name, field, IndexSettingsJson.patch(Json.body(request)))));
    }

    /**
     * Compacts the collection's storage ({@link CollectionCatalog#compact}) and answers when done:
     * {@code {"collection": ..., "seconds": ..., "disk_bytes_before": ..., "disk_bytes_after": ...}}.
     * No request timeout: like an import, it takes as long as the collection's data needs.
     */
    @Post("/v1/collections/{collection}/compact")
    @RequiresRole(Role.ADMIN)
    @RequestTimeout(0)
    public HttpResponse compact(@Param("collection") String name) {
        Compaction done = catalog.compact(name);
        ObjectNode out = Json.object();
        out.put("collection", done.collection());
        out.put("seconds", done.seconds());
        out.put("disk_bytes_before", done.diskBytesBefore());
        out.put("disk_bytes_after", done.diskBytesAfter());
        return Json.ok(out);
    }

    @Delete("/v1/collections/{collection}")
    @RequiresRole(Role.ADMIN)
    public HttpResponse drop(@Param("collection") String name) {
        catalog.drop(name);
        ObjectNode out = Json.object();
        out.put("dropped", name);
        return Json.ok(out);
    }

    @Post("/v1/collections/{collection}/freeze")
    @RequiresRole(Role.ADMIN)
    public HttpResponse freeze(@Param("collection") String name) {
        db.collection(name);
        frozen.freeze(name);
        return Json.ok(describe(db.collection(name)));
    }

    @Post("/v1/collections/{collection}/unfreeze")
    @RequiresRole(Role.ADMIN)
    public HttpResponse unfreeze(@Param("collection") String name) {
        db.collection(name);
        frozen.unfreeze(name);
        return Json.ok(describe(db.collection(name)));
    }

    private ObjectNode describe(Collection c) {
        return describe(catalog.describe(c));
    }

    private static ObjectNode describe(CollectionDescription d) {
        ObjectNode out = Json.object();
        out.put("name", d.name());
        out.put("frozen", d.frozen());
        out.set("schema", SchemaJson.describe(d.schema()));
        CollectionStats s = d.stats();
        ObjectNode stats = out.putObject("stats");
        stats.put("entities_estimated", s.estimatedEntities());
        stats.put("disk_bytes", s.diskBytes());
        stats.put("memtable_bytes", s.memtableBytes());
        stats.put("last_sequence", s.lastSequence());
        stats.put("open", s.open());
        ArrayNode indexes = out.putArray("indexes");
        for (FieldIndexStats f : d.indexes()) {
            ObjectNode o = indexes.addObject();
            o.put("field", f.field());
            o.put("metric", f.metric());
            o.put("dimension", f.dimension());
            o.put("m", f.m());
            o.put("ef_construction", f.efConstruction());
            o.put("ef_search", f.efSearch());
            o.put("quantization", f.quantization());
            o.put("vectors", f.vectors());
            o.put("memory_bytes", f.memoryBytes());
            o.put("mapped_bytes", f.mappedBytes());
            o.put("applied_sequence", f.appliedSequence());
            o.put("backlog", f.backlog());
            o.put("source", f.source().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
