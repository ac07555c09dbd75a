package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A plain in-memory statement of what a collection must hold after a sequence of logical
 * operations: entity headers, properties, edges (active and removed) and dense vectors, plus how
 * many change events the commits emitted. Written from the documented rules, not from the
 * implementation, for {@link RandomOperationsTest}. Not thread-safe.
 */
final class CollectionModel {
    static final Map<String, Map<String, ValueType>> TYPES = Map.of(
            "Person", Map.of("name", ValueType.STRING, "age", ValueType.INT64, "score", ValueType.FLOAT64,
                    "tags", ValueType.LIST),
            "City", Map.of("name", ValueType.STRING, "population", ValueType.INT64));
    static final List<String> EDGE_TYPES = List.of("knows", "near");
    /** Dense vector fields and their dimensions; {@code emb} is cosine (no zero vector), {@code raw} is l2. */
    static final Map<String, Integer> VECTORS = Map.of("emb", 3, "raw", 4);

    static void declare(SchemaEditor s) {
        TYPES.forEach(s::entityType);
        EDGE_TYPES.forEach(s::edgeType);
        s.vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE);
        s.vectorField("raw", VectorKind.DENSE, 4, VectorMetric.L2);
    }

    /** The model refused an operation; the collection must fail it with this code. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final ErrorCode code;

        Rejected(ErrorCode code) {
            super(code.code(), null, false, false);
            this.code = code;
        }
    }

    record Header(String type, String key, long version) {
    }

    record EdgeKey(UUID from, String type, UUID to) {
    }

    record EdgeState(boolean active, float weight) {
    }

    /** An active edge as the listings show it. */
    record EdgeView(UUID from, String type, UUID to, float weight) {
    }

    private static final class EntityState {
        final String type;
        final String key;
        long version;
        final Map<String, Value> properties = new TreeMap<>();
        final Map<String, List<Float>> vectors = new TreeMap<>();

        EntityState(String type, String key, long version) {
            this.type = type;
            this.key = key;
            this.version = version;
        }

        EntityState copy() {
            EntityState c = new EntityState(type, key, version);
            c.properties.putAll(properties);
            c.vectors.putAll(vectors);
            return c;
        }
    }

    private final EntityIds ids;
    private Map<UUID, EntityState> entities = new HashMap<>();
    private Map<EdgeKey, EdgeState> edges = new HashMap<>();
    private long events;

    CollectionModel(EntityIds ids, long events) {
        this.ids = ids;
        this.events = events;
    }

    Tx begin() {
        return new Tx();
    }

    // ---- what the collection must show ----------------------------------------------------

    Map<UUID, Header> headers() {
        Map<UUID, Header> out = new HashMap<>();
        entities.forEach((id, e) -> out.put(id, new Header(e.type, e.key, e.version)));
        return out;
    }

    Map<String, Value> properties(UUID id) {
        EntityState e = entities.get(id);
        return e == null ? Map.of() : Map.copyOf(e.properties);
    }

    Optional<List<Float>> vector(UUID id, String field) {
        EntityState e = entities.get(id);
        return e == null ? Optional.empty() : Optional.ofNullable(e.vectors.get(field));
    }

    Set<EdgeView> outgoing(UUID id) {
        Set<EdgeView> out = new HashSet<>();
        edges.forEach((k, s) -> {
            if (s.active() && k.from().equals(id)) {
                out.add(new EdgeView(k.from(), k.type(), k.to(), s.weight()));
            }
        });
        return out;
    }

    Set<EdgeView> incoming(UUID id) {
        Set<EdgeView> in = new HashSet<>();
        edges.forEach((k, s) -> {
            if (s.active() && k.to().equals(id)) {
                in.add(new EdgeView(k.from(), k.type(), k.to(), s.weight()));
            }
        });
        return in;
    }

    /** The edge row, active or removed; empty if never added or gone with a deleted endpoint. */
    Optional<EdgeState> edge(EdgeKey key) {
        return Optional.ofNullable(edges.get(key));
    }

    /** Every edge row, active or removed. */
    List<EdgeKey> edgeKeys() {
        return List.copyOf(edges.keySet());
    }

    /** Change events committed so far, counting the ones before the model started. */
    long events() {
        return events;
    }

    /**
     * One logical operation against a private copy of the model; {@link #commit()} makes it the
     * model's state. Each method throws {@link Rejected} where the collection must throw.
     */
    final class Tx {
        private final Map<UUID, EntityState> entities = new HashMap<>();
        private final Map<EdgeKey, EdgeState> edges = new HashMap<>(CollectionModel.this.edges);
        private final Set<UUID> dirty = new HashSet<>();
        private boolean changed;

        private Tx() {
            CollectionModel.this.entities.forEach((id, e) -> entities.put(id, e.copy()));
        }

        UUID upsert(String key, String type) {
            if (!TYPES.containsKey(type)) {
                throw new Rejected(ErrorCode.UNKNOWN_FIELD);
            }
            UUID id = ids.forKey(key);
            EntityState e = entities.get(id);
            if (e == null) {
                entities.put(id, new EntityState(type, key, 0));
            } else if (!e.type.equals(type)) {
                throw new Rejected(ErrorCode.TYPE_MISMATCH);
            }
            dirty.add(id);
            changed = true;
            return id;
        }

        boolean delete(UUID id) {
            if (entities.remove(id) == null) {
                return false;
            }
            edges.keySet().removeIf(k -> k.from().equals(id) || k.to().equals(id));
            dirty.remove(id);
            changed = true;
            return true;
        }

        void patch(UUID id, Map<String, Value> values) {
            EntityState e = existing(id);
            Map<String, ValueType> declared = TYPES.get(e.type);
            Map<String, Value> checked = new HashMap<>();
            for (Map.Entry<String, Value> v : values.entrySet()) {
                ValueType type = declared.get(v.getKey());
                if (type == null) {
                    throw new Rejected(ErrorCode.UNKNOWN_FIELD);
                }
                checked.put(v.getKey(), check(type, v.getValue()));
            }
            checked.forEach((name, value) -> {
                if (value instanceof Value.NullValue) {
                    e.properties.remove(name);
                } else {
                    e.properties.put(name, value);
                }
            });
            dirty.add(id);
            changed = true;
        }

        private static Value check(ValueType declared, Value value) {
            if (value instanceof Value.NullValue) {
                return value;
            }
            if (declared == ValueType.FLOAT64 && value instanceof Value.IntValue i) {
                return Value.of((double) i.value());
            }
            if (value.type() != declared) {
                throw new Rejected(ErrorCode.TYPE_MISMATCH);
            }
            requireFinite(value);
            return value;
        }

        private static void requireFinite(Value value) {
            if (value instanceof Value.FloatValue f && !Double.isFinite(f.value())) {
                throw new Rejected(ErrorCode.NON_FINITE_VALUE);
            }
            if (value instanceof Value.ListValue l) {
                l.values().forEach(Tx::requireFinite);
            }
            if (value instanceof Value.MapValue m) {
                m.entries().values().forEach(Tx::requireFinite);
            }
        }

        void setVector(UUID id, String field, float[] vector) {
            Integer dimension = VECTORS.get(field);
            if (dimension == null) {
                throw new Rejected(ErrorCode.UNKNOWN_FIELD);
            }
            if (vector.length != dimension) {
                throw new Rejected(ErrorCode.DIMENSION_MISMATCH);
            }
            List<Float> copy = new ArrayList<>();
            boolean zero = true;
            for (float f : vector) {
                if (!Float.isFinite(f)) {
                    throw new Rejected(ErrorCode.NON_FINITE_VALUE);
                }
                zero &= f == 0;
                copy.add(f);
            }
            if (zero && field.equals("emb")) {
                throw new Rejected(ErrorCode.INVALID_ARGUMENT);
            }
            existing(id).vectors.put(field, copy);
            dirty.add(id);
            changed = true;
        }

        boolean removeVector(UUID id, String field) {
            if (!VECTORS.containsKey(field)) {
                throw new Rejected(ErrorCode.UNKNOWN_FIELD);
            }
            if (existing(id).vectors.remove(field) == null) {
                return false;
            }
            dirty.add(id);
            changed = true;
            return true;
        }

        void addEdge(UUID from, String type, UUID to, float weight) {
            if (!EDGE_TYPES.contains(type)) {
                throw new Rejected(ErrorCode.UNKNOWN_FIELD);
            }
            if (!Float.isFinite(weight)) {
                throw new Rejected(ErrorCode.NON_FINITE_VALUE);
            }
            edges.put(new EdgeKey(from, type, to), new EdgeState(true, weight));
            changed = true;
        }

        boolean removeEdge(UUID from, String type, UUID to) {
            if (!EDGE_TYPES.contains(type)) {
                throw new Rejected(ErrorCode.UNKNOWN_FIELD);
            }
            EdgeKey key = new EdgeKey(from, type, to);
            EdgeState s = edges.get(key);
            if (s == null || !s.active()) {
                return false;
            }
            edges.put(key, new EdgeState(false, s.weight()));
            changed = true;
            return true;
        }

        private EntityState existing(UUID id) {
            EntityState e = entities.get(id);
            if (e == null) {
                throw new Rejected(ErrorCode.ENTITY_NOT_FOUND);
            }
            return e;
        }

        /** Makes this operation the model's state: one version step per touched entity, one event if anything changed. */
        void commit() {
            for (UUID id : dirty) {
                entities.get(id).version++;
            }
            CollectionModel.this.entities = entities;
            CollectionModel.this.edges = edges;
            if (changed) {
                events++;
            }
        }
    }
}
