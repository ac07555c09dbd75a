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

    /** The entity's id in the collection of {@code ids}. */
    static UUID id(EntityIds ids, ImportedEntity e) {
        return e.key() != null ? ids.forKey(e.key()) : e.id();
    }

    /** Reads the headers of a batch at once before writing it (see {@link Transaction#prefetch}). */
    static void prefetch(Transaction tx, EntityIds ids, List<ImportedEntity> batch) {
        List<UUID> list = new ArrayList<>(batch.size());
        batch.forEach(e -> list.add(id(ids, e)));
        tx.prefetch(list);
    }

    static void write(Transaction tx, EntityIds ids, ImportedEntity e, long positionTime) {
        UUID id;
        if (e.key() != null) {
            id = tx.upsertEntity(e.key(), e.type());
        } else {
            id = e.id();
            tx.upsertEntity(id, e.type());
        }
        if (!e.properties().isEmpty()) {
            tx.patchProperties(id, e.properties());
        }
        e.vectors().forEach((field, v) -> v.set(tx, id, field));
        for (ImportedEdge edge : e.edges()) {
            tx.addEdge(id, edge.type(), edge.toKey() != null ? ids.forKey(edge.toKey()) : edge.toId(), edge.weight());
        }
        for (Map.Entry<String, List<MeasurePoint>> m : e.measures().entrySet()) {
            for (MeasurePoint p : m.getValue()) {
                tx.appendMeasure(id, m.getKey(), p.timeMillis(), p.value());
            }
        }
        e.positions().forEach((kind, x) -> tx.setPosition(id, kind, x, positionTime));
    }
}
