package io.hyperspatial.core.index.maintain;

import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps entity ids (UUIDs) to the dense int ids vector indexes use, and back. An entity keeps its
 * int id for the life of the map, also after it leaves an index, so re-indexing it needs no new
 * id. Thread-safe: lookups are lock-free, assignment of new ids is serialised.
 */
public final class EntityOrdinals {
    private final ConcurrentHashMap<UUID, Integer> ids = new ConcurrentHashMap<>();
    private volatile UUID[] entities = new UUID[1024];
    private int size;

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
