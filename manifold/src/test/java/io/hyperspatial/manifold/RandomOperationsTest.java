package io.hyperspatial.manifold;

import io.hyperspatial.manifold.CollectionModel.EdgeKey;
import io.hyperspatial.manifold.CollectionModel.EdgeState;
import io.hyperspatial.manifold.CollectionModel.EdgeView;
import io.hyperspatial.manifold.CollectionModel.Header;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of logical operations (single and multi-operation transactions, some of them
 * deliberately invalid) applied to a collection and to {@link CollectionModel}; the full state is
 * compared at intervals, at the end, and after the database is closed and reopened (H2's
 * TestRandomMapOps). A failure message names the seed and the operation number.
 */
class RandomOperationsTest {
    private static final int OPERATIONS = 3_000;
    private static final int CHECK_EVERY = 250;
    private static final List<String> KEYS = IntStream.range(0, 30).mapToObj(i -> "k" + i).toList();
    private static final EntityIds IDS = new EntityIds("random");
    private static final Map<UUID, String> KEY_OF = KEYS.stream().collect(Collectors.toMap(IDS::forKey, k -> k));
    private static final List<String> TYPES = List.of("Person", "City");
    private static final List<String> WORDS = List.of("", "a", "Zürich", "東京", "🌍 earth", "line\nbreak", "long ".repeat(20));

    @TempDir
    Path dir;

    private Database db;
    private Collection collection;
    /** How the transactions ended: committed single, committed multi, or the code they failed with. */
    private final Map<String, Integer> outcomes = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 20_250_601L, 0x5EED_CAFEL})
    void aCollectionAlwaysHoldsWhatTheModelSays(long seed) {
        Random random = new Random(seed);
        db = TestCollections.open(dir);
        try {
            collection = db.createCollection("random");
            collection.updateSchema(CollectionModel::declare);
            CollectionModel model = new CollectionModel(IDS, collection.changes().lastSequence());
            int done = 0;
            int nextCheck = CHECK_EVERY;
            boolean reopened = false;
            while (done < OPERATIONS) {
                List<Op> ops = transaction(random, model);
                String context = "seed=" + seed + " op=" + done;
                apply(model, ops, context);
                done += ops.size();
                if (done >= nextCheck) {
                    compare(model, context, false);
                    nextCheck += CHECK_EVERY;
                }
                if (!reopened && done >= OPERATIONS / 2) {
                    reopen();
                    compare(model, context + " after reopen", true);
                    reopened = true;
                }
            }
            compare(model, "seed=" + seed + " end", true);
            reopen();
            compare(model, "seed=" + seed + " end after reopen", true);
            assertThat(outcomes).as("seed=%d: the run exercised every rule", seed).containsKeys(
                    "committed single", "committed multi", ErrorCode.UNKNOWN_FIELD.code(), ErrorCode.TYPE_MISMATCH.code(),
                    ErrorCode.NON_FINITE_VALUE.code(), ErrorCode.DIMENSION_MISMATCH.code(),
                    ErrorCode.INVALID_ARGUMENT.code(), ErrorCode.ENTITY_NOT_FOUND.code());
            assertThat(model.headers()).as("seed=%d: entities left at the end", seed).hasSizeGreaterThan(5);
        } finally {
            db.close();
        }
    }

    private void reopen() {
        db.close();
        db = TestCollections.open(dir);
        collection = db.collection("random");
    }

    // ---- applying one logical operation to both ---------------------------------------------

    /**
     * Runs {@code ops} as one transaction on the model and on the collection. Where the model
     * rejects an operation the collection must throw at that same operation with the same code,
     * and neither may keep anything of the transaction.
     */
    private void apply(CollectionModel model, List<Op> ops, String context) {
        CollectionModel.Tx modelTx = model.begin();
        List<Object> results = new ArrayList<>();
        ErrorCode rejection = null;
        for (Op op : ops) {
            try {
                results.add(op.on(modelTx));
            } catch (CollectionModel.Rejected r) {
                rejection = r.code;
                break;
            }
        }
        int failing = results.size();
        ErrorCode expected = rejection;
        long sequence = collection.changes().lastSequence();
        try {
            collection.write(tx -> {
                for (int i = 0; i < ops.size(); i++) {
                    Object result = ops.get(i).on(tx);
                    if (i == failing) {
                        throw new AssertionError(context + ": " + ops.get(i) + " should have failed with " + expected
                                + " in " + ops);
                    }
                    assertThat(result).as("%s: result of %s in %s", context, ops.get(i), ops).isEqualTo(results.get(i));
                }
            });
            modelTx.commit();
            outcomes.merge(ops.size() == 1 ? "committed single" : "committed multi", 1, Integer::sum);
        } catch (ManifoldException e) {
            if (expected == null) {
                throw new AssertionError(context + ": " + ops + " failed unexpectedly: " + e, e);
            }
            assertThat(e.code()).as("%s: error of %s in %s", context, ops.get(failing), ops).isEqualTo(expected);
            outcomes.merge(e.code().code(), 1, Integer::sum);
            assertThat(collection.changes().lastSequence()).as("%s: a failed operation emits no event", context)
                    .isEqualTo(sequence);
        }
    }

    // ---- comparing ----------------------------------------------------------------------------

    private void compare(CollectionModel model, String context, boolean everyEdgeRow) {
        try (ReadView v = collection.snapshot()) {
            Map<UUID, Header> headers = new HashMap<>();
            v.entities().forEach(e -> headers.put(e.id(), new Header(e.type(), e.key().orElse(null), e.version())));
            assertThat(headers).as("%s: entity headers", context).isEqualTo(model.headers());
            for (String key : KEYS) {
                UUID id = IDS.forKey(key);
                assertThat(v.properties().all(id)).as("%s: properties of %s", context, key).isEqualTo(model.properties(id));
                for (String field : CollectionModel.VECTORS.keySet()) {
                    assertThat(v.vectors().dense(id, field).map(RandomOperationsTest::boxed))
                            .as("%s: vector %s of %s", context, field, key).isEqualTo(model.vector(id, field));
                }
                assertThat(views(v.graph().outgoing(id))).as("%s: outgoing edges of %s", context, key)
                        .containsExactlyInAnyOrderElementsOf(model.outgoing(id));
                assertThat(views(v.graph().incoming(id))).as("%s: incoming edges of %s", context, key)
                        .containsExactlyInAnyOrderElementsOf(model.incoming(id));
                if (everyEdgeRow) {
                    for (String other : KEYS) {
                        for (String type : CollectionModel.EDGE_TYPES) {
                            EdgeKey edge = new EdgeKey(id, type, IDS.forKey(other));
                            assertThat(v.graph().edge(id, type, edge.to()).map(e -> new EdgeState(e.active(), e.weight())))
                                    .as("%s: edge %s -%s-> %s", context, key, type, other).isEqualTo(model.edge(edge));
                        }
                    }
                }
            }
        }
        assertThat(collection.changes().lastSequence()).as("%s: change events", context).isEqualTo(model.events());
    }

    private static List<EdgeView> views(List<Edge> edges) {
        return edges.stream().map(e -> new EdgeView(e.from(), e.type(), e.to(), e.weight())).toList();
    }

    private static List<Float> boxed(float[] v) {
        List<Float> out = new ArrayList<>(v.length);
        for (float f : v) {
            out.add(f);
        }
        return out;
    }

    // ---- operations ---------------------------------------------------------------------------

    /** One operation, applicable to a real transaction and to the model's; returns what the method returns. */
    private sealed interface Op {
        Object on(Transaction tx);

        Object on(CollectionModel.Tx tx);
    }

    private record Upsert(String key, String type) implements Op {
        public Object on(Transaction tx) {
            return tx.upsertEntity(key, type);
        }

        public Object on(CollectionModel.Tx tx) {
            return tx.upsert(key, type);
        }
    }

    private record Patch(String key, Map<String, Value> values) implements Op {
        public Object on(Transaction tx) {
            tx.patchProperties(IDS.forKey(key), values);
            return null;
        }

        public Object on(CollectionModel.Tx tx) {
            tx.patch(IDS.forKey(key), values);
            return null;
        }
    }

    private record SetVector(String key, String field, float[] vector) implements Op {
        public Object on(Transaction tx) {
            tx.setVector(IDS.forKey(key), field, vector);
            return null;
        }

        public Object on(CollectionModel.Tx tx) {
            tx.setVector(IDS.forKey(key), field, vector);
            return null;
        }

        @Override
        public String toString() {
            return "SetVector[" + key + ", " + field + ", " + Arrays.toString(vector) + "]";
        }
    }

    private record RemoveVector(String key, String field) implements Op {
        public Object on(Transaction tx) {
            return tx.removeVector(IDS.forKey(key), field);
        }

        public Object on(CollectionModel.Tx tx) {
            return tx.removeVector(IDS.forKey(key), field);
        }
    }

    private record AddEdge(String from, String type, String to, float weight) implements Op {
        public Object on(Transaction tx) {
            tx.addEdge(IDS.forKey(from), type, IDS.forKey(to), weight);
            return null;
        }

        public Object on(CollectionModel.Tx tx) {
            tx.addEdge(IDS.forKey(from), type, IDS.forKey(to), weight);
            return null;
        }
    }

    private record RemoveEdge(String from, String type, String to) implements Op {
        public Object on(Transaction tx) {
            return tx.removeEdge(IDS.forKey(from), type, IDS.forKey(to));
        }

        public Object on(CollectionModel.Tx tx) {
            return tx.removeEdge(IDS.forKey(from), type, IDS.forKey(to));
        }
    }

    private record Delete(String key) implements Op {
        public Object on(Transaction tx) {
            return tx.deleteEntity(IDS.forKey(key));
        }

        public Object on(CollectionModel.Tx tx) {
            return tx.delete(IDS.forKey(key));
        }
    }

    // ---- generating operations ------------------------------------------------------------------

    /** Mostly one operation; sometimes up to five in one transaction. */
    private static List<Op> transaction(Random r, CollectionModel model) {
        int n = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(4);
        List<Op> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ops.add(operation(r, model));
        }
        return ops;
    }

    private static Op operation(Random r, CollectionModel model) {
        int p = r.nextInt(100);
        if (p < 4) {
            return invalid(r, model);
        }
        if (p < 22) {
            String key = anyKey(r);
            Header h = model.headers().get(IDS.forKey(key));
            String type = h != null && r.nextInt(10) > 0 ? h.type() : pick(r, TYPES);
            return new Upsert(key, type);
        }
        if (p < 47) {
            String key = existingKey(r, model);
            return new Patch(key, patch(r, typeOf(model, key, r)));
        }
        if (p < 59) {
            return new AddEdge(anyKey(r), pick(r, CollectionModel.EDGE_TYPES), anyKey(r), (float) r.nextGaussian());
        }
        if (p < 67) {
            List<EdgeKey> edges = model.edgeKeys();
            if (!edges.isEmpty() && r.nextInt(10) < 7) {
                EdgeKey e = edges.get(r.nextInt(edges.size()));
                return new RemoveEdge(KEY_OF.get(e.from()), e.type(), KEY_OF.get(e.to()));
            }
            return new RemoveEdge(anyKey(r), pick(r, CollectionModel.EDGE_TYPES), anyKey(r));
        }
        if (p < 80) {
            String field = pick(r, List.of("emb", "raw"));
            return new SetVector(existingKey(r, model), field, vector(r, CollectionModel.VECTORS.get(field)));
        }
        if (p < 86) {
            return new RemoveVector(existingKey(r, model), pick(r, List.of("emb", "raw")));
        }
        return new Delete(r.nextInt(4) == 0 ? anyKey(r) : existingKey(r, model));
    }

    /** An operation that some rule forbids; which code it earns is the model's call. */
    private static Op invalid(Random r, CollectionModel model) {
        String key = existingKey(r, model);
        return switch (r.nextInt(10)) {
            case 0 -> new Patch(key, Map.of("height", Value.of(180)));
            case 1 -> new Patch(key, Map.of("name", Value.of(5)));
            case 2 -> new Patch(key, Map.of("score", Value.of(Double.NaN)));
            case 3 -> new Patch(key, Map.of("tags", Value.list(List.of(Value.of(1.0), Value.of(Double.POSITIVE_INFINITY)))));
            case 4 -> new SetVector(key, "raw", vector(r, 3));
            case 5 -> new SetVector(key, "raw", new float[]{1, Float.NaN, 0, 0});
            case 6 -> new SetVector(key, "emb", new float[3]);
            case 7 -> new AddEdge(key, "hates", anyKey(r), 1f);
            case 8 -> new AddEdge(key, "knows", anyKey(r), Float.NaN);
            default -> new Upsert(anyKey(r), "Planet");
        };
    }

    private static String anyKey(Random r) {
        return pick(r, KEYS);
    }

    /** Usually a key whose entity exists, so that most writes are valid; sometimes any key. */
    private static String existingKey(Random r, CollectionModel model) {
        Map<UUID, Header> headers = model.headers();
        if (headers.isEmpty() || r.nextInt(10) == 0) {
            return anyKey(r);
        }
        List<String> existing = KEYS.stream().filter(k -> headers.containsKey(IDS.forKey(k))).toList();
        return pick(r, existing);
    }

    private static String typeOf(CollectionModel model, String key, Random r) {
        Header h = model.headers().get(IDS.forKey(key));
        return h != null ? h.type() : pick(r, TYPES);
    }

    /** One to three declared properties of {@code type} with fitting values, some nulls, some int-for-float. */
    private static Map<String, Value> patch(Random r, String type) {
        List<Map.Entry<String, ValueType>> declared = new ArrayList<>(CollectionModel.TYPES.get(type).entrySet());
        declared.sort(Map.Entry.comparingByKey());
        int n = 1 + r.nextInt(Math.min(3, declared.size()));
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Map.Entry<String, ValueType> p = declared.get(r.nextInt(declared.size()));
            values.put(p.getKey(), r.nextInt(7) == 0 ? Value.NULL : value(r, p.getValue(), 0));
        }
        return values;
    }

    private static Value value(Random r, ValueType type, int depth) {
        return switch (type) {
            case STRING -> Value.of(pick(r, WORDS) + r.nextInt(100));
            case INT64 -> Value.of(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(1000) - 500);
            case FLOAT64 -> r.nextInt(5) == 0 ? Value.of((long) r.nextInt(100)) : Value.of(r.nextGaussian() * 1e6);
            case BOOL -> Value.of(r.nextBoolean());
            case LIST -> {
                List<Value> items = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    ValueType t = depth < 2 ? pick(r, List.of(ValueType.STRING, ValueType.INT64, ValueType.FLOAT64,
                            ValueType.BOOL, ValueType.LIST)) : ValueType.INT64;
                    items.add(value(r, t, depth + 1));
                }
                yield Value.list(items);
            }
            default -> throw new IllegalArgumentException("no generator for " + type);
        };
    }

    private static float[] vector(Random r, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
