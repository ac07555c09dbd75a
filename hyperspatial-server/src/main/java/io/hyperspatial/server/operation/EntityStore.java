package io.hyperspatial.server.operation;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.server.codec.BatchReader;
import io.hyperspatial.server.codec.EntityItem;
import io.hyperspatial.server.collection.FrozenCollections;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Entity reads and writes by user key, as every protocol performs them: a batch upsert is one
 * transaction (nothing of a bad batch is applied), writes respect frozen collections, and a
 * missing entity is {@link ErrorCode#ENTITY_NOT_FOUND}. Blocking; thread-safe.
 */
public final class EntityStore {
    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;

    public EntityStore(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    /**
     * Upserts {@code items} (read against {@code c}'s schema by {@link BatchReader}) in one
     * transaction; returns the change-feed sequence it committed at.
     */
    public long upsert(Collection c, Durability durability, List<EntityItem> items) {
        return frozen.write(c.name(), () -> c.write(durability, tx -> BatchReader.apply(tx, c, items)));
    }

    /** Renders the entity {@code key} of the collection with {@code render}, from one snapshot. */
    public <T> T get(String collection, String key, BiFunction<ReadView, Entity, T> render) {
        Collection c = db.collection(collection);
        UUID id = c.ids().forKey(key);
        return c.read(view -> render.apply(view, view.entities().get(id).orElseThrow(() -> notFound(collection, key))));
    }

    /** Deletes the entity {@code key}; returns the sequence of the delete. */
    public long delete(String collection, String key, Durability durability) {
        Collection c = db.collection(collection);
        UUID id = c.ids().forKey(key);
        AtomicBoolean deleted = new AtomicBoolean();
        long sequence = frozen.write(collection, () -> c.write(durability, tx -> deleted.set(tx.deleteEntity(id))));
        if (!deleted.get()) {
            throw notFound(collection, key);
        }
        return sequence;
    }

    /** The error for a key the collection does not hold. */
    public static NotFoundException notFound(String collection, String key) {
        return new NotFoundException(ErrorCode.ENTITY_NOT_FOUND, key,
                "collection '" + collection + "' has no entity with key '" + key + "'");
    }
}
