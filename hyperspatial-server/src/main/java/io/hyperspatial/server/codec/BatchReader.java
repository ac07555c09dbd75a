package io.hyperspatial.server.codec;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.JsonInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads and applies the batches of {@code POST .../entities} and {@code POST .../edges}. Reading
 * checks every item against the collection's schema (types, properties, vector kinds) before any
 * write; applying runs inside one transaction and storage checks the values (dimensions, NaN,
 * the metric's domain). Either way the first bad item fails the whole batch, nothing of it
 * applied, with an error naming the item's index and the field ({@code entities[3].vectors.emb}).
 * Stateless.
 */
public final class BatchReader {
    /** Items per batch; larger batches should be split by the client. */
    public static final int MAX_ITEMS = 100_000;

    private BatchReader() {
    }

    /** The items of {@code {"entities": [...]}}. */
    public static List<EntityItem> entities(JsonInput body, Schema schema) {
        List<EntityItem> items = new ArrayList<>();
        List<JsonInput> list = items(body, "entities");
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            JsonInput in = list.get(i);
            items.add(item(index, () -> entity(in, index, schema)));
        }
        return items;
    }

    /** The items of {@code {"edges": [...]}}. */
    public static List<EdgeItem> edges(JsonInput body, Schema schema) {
        List<EdgeItem> items = new ArrayList<>();
        List<JsonInput> list = items(body, "edges");
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            JsonInput in = list.get(i);
            items.add(item(index, () -> edge(in.requireObject(), in.required("from").name(), index, schema)));
        }
        return items;
    }

    private static List<JsonInput> items(JsonInput body, String name) {
        JsonInput list = body.required(name);
        List<JsonInput> elements = list.elements();
        if (elements.isEmpty() || elements.size() > MAX_ITEMS) {
            throw list.invalid("must hold 1 to " + MAX_ITEMS + " items, got " + elements.size());
        }
        return elements;
    }

    private static EntityItem entity(JsonInput in, int index, Schema schema) {
        in.requireObject();
        String key = in.required("key").name();
        JsonInput typeInput = in.required("type");
        EntityType type = at(typeInput, index, () -> schema.entityType(typeInput.name()));
        Map<String, Value> properties = new LinkedHashMap<>();
        JsonInput props = in.get("properties");
        if (props.present()) {
            props.members().forEach((name, v) ->
                    properties.put(name, ValueJson.read(v, at(v, index, () -> schema.property(type, name)).type())));
        }
        Map<String, VectorValue> vectors = new LinkedHashMap<>();
        JsonInput vs = in.get("vectors");
        if (vs.present()) {
            vs.members().forEach((name, v) -> vectors.put(name, VectorValue.read(v, at(v, index, () -> schema.vectorField(name)))));
        }
        List<EdgeItem> edges = new ArrayList<>();
        JsonInput es = in.get("edges");
        if (es.present()) {
            es.elements().forEach(e -> edges.add(edge(e.requireObject(), key, index, schema)));
        }
        return new EntityItem(key, type.name(), properties, vectors, edges);
    }

    private static EdgeItem edge(JsonInput in, String from, int index, Schema schema) {
        JsonInput typeInput = in.required("type");
        String type = at(typeInput, index, () -> schema.edgeType(typeInput.name())).name();
        String to = in.required("to").name();
        double weight = in.get("weight").number(1.0);
        return new EdgeItem(from, type, to, (float) weight);
    }

    /** Writes the entities in {@code tx}; a database error names the item and field. */
    public static void apply(Transaction tx, Collection collection, List<EntityItem> items) {
        List<EntityIds.KeyedId> keyed = new ArrayList<>(items.size());
        List<UUID> ids = new ArrayList<>(items.size());
        for (EntityItem item : items) {
            EntityIds.KeyedId k = collection.ids().keyed(item.key()); // hashed once, for the prefetch and the upsert
            keyed.add(k);
            ids.add(k.id());
        }
        tx.prefetch(ids);
        for (int i = 0; i < items.size(); i++) {
            EntityItem item = items.get(i);
            EntityIds.KeyedId k = keyed.get(i);
            UUID id = k.id();
            String where = "entities[" + i + "]";
            run(where + ".type", i, () -> tx.upsertEntity(k, item.type()));
            if (!item.properties().isEmpty()) {
                run(where + ".properties", i, () -> tx.patchProperties(id, item.properties()));
            }
            for (Map.Entry<String, VectorValue> v : item.vectors().entrySet()) {
                run(where + ".vectors." + v.getKey(), i, () -> v.getValue().set(tx, id, v.getKey()));
            }
            for (int j = 0; j < item.edges().size(); j++) {
                EdgeItem e = item.edges().get(j);
                run(where + ".edges[" + j + "]", i, () -> tx.addEdge(id, e.type(), collection.ids().forKey(e.to()), e.weight()));
            }
        }
    }

    /** Adds the edges in {@code tx}; a database error names the item. */
    public static void applyEdges(Transaction tx, Collection collection, List<EdgeItem> items) {
        for (int i = 0; i < items.size(); i++) {
            EdgeItem e = items.get(i);
            run("edges[" + i + "]", i, () -> tx.addEdge(collection.ids().forKey(e.from()), e.type(),
                    collection.ids().forKey(e.to()), e.weight()));
        }
    }

    private static void run(String path, int index, Runnable write) {
        try {
            write.run();
        } catch (ManifoldException e) {
            throw ApiException.at(path, index, e);
        }
    }

    /** A schema lookup for the input at {@code in}; an unknown name is reported at its path. */
    private static <T> T at(JsonInput in, int index, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ManifoldException e) {
            throw ApiException.at(in.path(), index, e);
        }
    }

    /** Reads one item, naming its index in a shape error. */
    private static <T> T item(int index, Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            throw e.index() != null ? e : ApiException.forItem(index, e);
        }
    }
}
