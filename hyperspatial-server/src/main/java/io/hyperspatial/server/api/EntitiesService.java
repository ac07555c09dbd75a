package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Default;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.BatchReader;
import io.hyperspatial.server.codec.EntityItem;
import io.hyperspatial.server.codec.EntityJson;
import io.hyperspatial.server.codec.ValueJson;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.http.RequestParams;
import io.hyperspatial.server.operation.EntityStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /v1/collections/{c}/entities}: batch upsert (one transaction per request), get by key,
 * patch properties, delete. Writes take {@code ?durability=strict|batch|async} (strict by
 * default) and answer with the change-feed sequence they committed at. Runs on the blocking
 * executor; thread-safe.
 */
@Blocking
public final class EntitiesService {
    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;
    private final EntityStore entities;

    public EntitiesService(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
        this.entities = new EntityStore(db, frozen);
    }

    @Post("/v1/collections/{collection}/entities")
    @RequiresRole(Role.WRITE)
    public HttpResponse upsert(@Param("collection") String name, @Param("durability") @Default("") String durability,
                               AggregatedHttpRequest request) {
        Durability d = RequestParams.durability(durability);
        JsonInput body = Json.body(request);
        Collection c = db.collection(name);
        List<EntityItem> items = BatchReader.entities(body, c.schema());
        long sequence = entities.upsert(c, d, items);
        ObjectNode out = Json.object();
        out.put("upserted", items.size());
        out.put("sequence", sequence);
        return Json.ok(out);
    }

    @Get("/v1/collections/{collection}/entities/{key}")
    @RequiresRole(Role.READ)
    public HttpResponse get(@Param("collection") String name, @Param("key") String key,
                            @Param("vectors") @Default("") String vectors) {
        boolean withVectors = RequestParams.flag("vectors", vectors, false);
        return Json.ok(entities.get(name, key, (view, e) -> EntityJson.entity(view, e, withVectors)));
    }

    /** Body {@code {"properties": {"name": value, "gone": null}}}: sets the given properties, null removes one. */
    @Patch("/v1/collections/{collection}/entities/{key}")
    @RequiresRole(Role.WRITE)
    public HttpResponse patch(@Param("collection") String name, @Param("key") String key,
                              @Param("durability") @Default("") String durability, AggregatedHttpRequest request) {
        Durability d = RequestParams.durability(durability);
        JsonInput body = Json.body(request);
        Collection c = db.collection(name);
        UUID id = c.ids().forKey(key);
        String typeName = c.read(view -> view.entities().get(id)).map(Entity::type).orElseThrow(() -> notFound(name, key));
        Schema schema = c.schema();
        EntityType type = schema.entityType(typeName);
        Map<String, Value> properties = new LinkedHashMap<>();
        body.required("properties").members().forEach((property, v) -> {
            try {
                properties.put(property, ValueJson.read(v, schema.property(type, property).type()));
            } catch (ManifoldException e) {
                throw ApiException.at(v.path(), null, e);
            }
        });
        long sequence = frozen.write(name, () -> c.write(d, tx -> {
            if (!tx.entities().exists(id)) {
                throw notFound(name, key);
            }
            try {
                tx.patchProperties(id, properties);
            } catch (ManifoldException e) {
                throw ApiException.at("properties", null, e);
            }
        }));
        return Json.ok(sequence(sequence));
    }

    @Delete("/v1/collections/{collection}/entities/{key}")
    @RequiresRole(Role.WRITE)
    public HttpResponse delete(@Param("collection") String name, @Param("key") String key,
                               @Param("durability") @Default("") String durability) {
        long sequence = entities.delete(name, key, RequestParams.durability(durability));
        ObjectNode out = sequence(sequence);
        out.put("deleted", key);
        return Json.ok(out);
    }

    private static ObjectNode sequence(long sequence) {
        ObjectNode out = Json.object();
        out.put("sequence", sequence);
        return out;
    }

    private static NotFoundException notFound(String collection, String key) {
        return EntityStore.notFound(collection, key);
    }
}
