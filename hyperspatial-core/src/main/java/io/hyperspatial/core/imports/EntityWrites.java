package io.hyperspatial.core.imports;

import io.hyperspatial.core.imports.ImportedEntity.ImportedEdge;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.table.MeasurePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes imported entities into a transaction: upsert by key (or id), then properties (patched:
 * others kept), vectors, outgoing edges (targets by key, which may not exist yet, or by id),
 * measure points and positions (stamped with {@code positionTime}). Stateless.
 */
final class EntityWrites {
    private EntityWrites() {
    }

    /**
     * The ids an entity's write needs, derived ahead of the write (an importer derives them on its
     * reading thread, so the writing thread hashes no keys): its own, with its key when it has one,
     * and its edges' targets in order.
     */
    record Resolved(EntityIds.KeyedId keyed, UUID id, UUID[] edgeTargets) {
        static Resolved of(EntityIds ids, ImportedEntity e) {
            EntityIds.KeyedId keyed = e.key() != null ? ids.keyed(e.key()) : null;
            UUID[] targets = new UUID[e.edges().size()];
            for (int i = 0; i < targets.length; i++) {
                ImportedEdge edge = e.edges().get(i);
                targets[i] = edge.toKey() != null ? ids.forKey(edge.toKey()) : edge.toId();
            }
            return new Resolved(keyed, keyed != null ? keyed.id() : e.id(), targets);
        }
    }

    /** Reads the headers of a batch at once before writing it (see {@link Transaction#prefetch}). */
    static void prefetch(Transaction tx, List<Resolved> batch) {
        List<UUID> list = new ArrayList<>(batch.size());
        batch.forEach(r -> list.add(r.id()));
        tx.prefetch(list);
    }

    static void write(Transaction tx, ImportedEntity e, Resolved r, long positionTime) {
        UUID id = r.id();
        if (r.keyed() != null) {
            tx.upsertEntity(r.keyed(), e.type());
        } else {
            tx.upsertEntity(id, e.type());
        }
        if (!e.properties().isEmpty()) {
            tx.patchProperties(id, e.properties());
        }
        e.vectors().forEach((field, v) -> v.set(tx, id, field));
        List<ImportedEdge> edges = e.edges();
        for (int i = 0; i < edges.size(); i++) {
            ImportedEdge edge = edges.get(i);
            tx.addEdge(id, edge.type(), r.edgeTargets()[i], edge.weight());
        }
        for (Map.Entry<String, List<MeasurePoint>> m : e.measures().entrySet()) {
            for (MeasurePoint p : m.getValue()) {
                tx.appendMeasure(id, m.getKey(), p.timeMillis(), p.value());
            }
        }
        e.positions().forEach((kind, x) -> tx.setPosition(id, kind, x, positionTime));
    }
}
