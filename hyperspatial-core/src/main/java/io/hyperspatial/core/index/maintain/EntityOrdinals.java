package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.persist.MalformedSnapshotException;
import io.hyperspatial.core.index.persist.SnapshotInput;
import io.hyperspatial.core.index.persist.SnapshotOutput;

import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps entity ids (UUIDs) to the dense int ids vector indexes use, and back. An entity keeps its
 * int id for the life of the map, also after it leaves an index, so re-indexing it needs no new
 * id. Ids only grow, so a copy taken later holds every id of a copy taken earlier, with the same
 * meaning (which is what lets index snapshots written at different times share one copy).
 * Thread-safe: lookups are lock-free, assignment of new ids is serialised.
 */
public final class EntityOrdinals {
    private final ConcurrentHashMap<UUID, Integer> ids;
    private volatile UUID[] entities;
    private int size;

    public EntityOrdinals() {
        this.ids = new ConcurrentHashMap<>();
        this.entities = new UUID[1024];
    }

    private EntityOrdinals(UUID[] entities, int size) {
        this.ids = new ConcurrentHashMap<>(Math.max(16, size * 4 / 3 + 1));
        this.entities = entities;
        this.size = size;
        for (int id = 0; id < size; id++) {
            if (ids.putIfAbsent(entities[id], id) != null) {
                throw new MalformedSnapshotException("entity " + entities[id] + " has two int ids");
            }
        }
    }

    /** Writes every assignment: the count, then each id's entity in id order. */
    public synchronized void writeTo(SnapshotOutput out) throws IOException {
        out.writeInt(size);
        UUID[] e = entities;
        for (int id = 0; id < size; id++) {
            out.writeLong(e[id].getMostSignificantBits());
            out.writeLong(e[id].getLeastSignificantBits());
        }
    }

    /** The ordinals {@link #writeTo} wrote. */
    public static EntityOrdinals readFrom(SnapshotInput in) {
        int n = in.readCount(2 * Long.BYTES, "entity count");
        UUID[] entities = new UUID[Math.max(1024, n)];
        for (int id = 0; id < n; id++) {
            entities[id] = new UUID(in.readLong(), in.readLong());
        }
        return new EntityOrdinals(entities, n);
    }

    /** The int id of an entity, assigned on first use. */
    public int idOf(UUID entity) {
        Integer id = ids.get(entity);
        return id != null ? id : assign(entity);
    }

    /** The int id of an entity, or -1 if it never had one. */
    public int find(UUID entity) {
        Integer id = ids.get(entity);
        return id == null ? -1 : id;
    }

    /** The entity of an int id. */
    public UUID entity(int id) {
        UUID[] e = entities;
        if (id < 0 || id >= e.length || e[id] == null) {
            throw new IllegalArgumentException("no entity has int id " + id);
        }
        return e[id];
    }

    public synchronized int size() {
        return size;
    }

    private synchronized int assign(UUID entity) {
        Integer existing = ids.get(entity);
        if (existing != null) {
            return existing;
        }
        int id = size++;
        UUID[] e = entities;
        if (id == e.length) {
            e = Arrays.copyOf(e, e.length * 2);
        }
        e[id] = entity;
        entities = e;
        ids.put(entity, id);
        return id;
    }

    /** Approximate heap bytes (map entries and the reverse array). */
    public long memoryBytes() {
        return (long) size() * 96 + (long) entities.length * 8;
    }
}
