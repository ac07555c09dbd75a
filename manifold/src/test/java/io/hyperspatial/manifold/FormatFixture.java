package io.hyperspatial.manifold;

import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.PositionSnapshot;
import io.hyperspatial.manifold.table.SparseVector;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.hyperspatial.manifold.feed.ChangeFlag.CREATED;
import static io.hyperspatial.manifold.feed.ChangeFlag.DELETED;
import static io.hyperspatial.manifold.feed.ChangeFlag.EDGES;
import static io.hyperspatial.manifold.feed.ChangeFlag.MEASURES;
import static io.hyperspatial.manifold.feed.ChangeFlag.POSITIONS;
import static io.hyperspatial.manifold.feed.ChangeFlag.PROPERTIES;
import static io.hyperspatial.manifold.feed.ChangeFlag.UPDATED;
import static io.hyperspatial.manifold.feed.ChangeFlag.VECTORS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content of the on-disk format fixtures ({@code src/test/resources/fixtures/format-vN}, one
 * per format, each written by the code of its format): a small collection named {@value #NAME} with every kind of row — entity headers (keyed and
 * anonymous, one deleted), properties of every value type (one removed), dense, sparse, multi,
 * Poincaré and Lorentz vectors (one removed), active and removed edges, two measures, positions
 * with a trajectory, and the change feed and schema catalog that describe them. Half of it is
 * flushed to SST files and half left in the write-ahead log, so both are read back.
 *
 * <p>{@link #write} generates it and {@link #verify} checks a collection holds exactly it. The
 * expected values in {@code verify} are literals, not recomputed from {@code write}, so a change
 * to any encoding shows up as a failure against the committed fixture.
 */
final class FormatFixture {
    static final String NAME = "fixture";
    static final UUID ANONYMOUS = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final long T0 = 1_700_000_000_000L;
    static final Instant BORN = Instant.parse("1990-05-17T08:30:00.123456Z");
    static final Duration STEPS_RETENTION = Duration.ofDays(100_000);

    /** When the committed fixture could have been generated at the earliest. */
    private static final long NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    private FormatFixture() {
    }

    private static Map<String, ValueType> ordered(Object... nameTypePairs) {
        Map<String, ValueType> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            m.put((String) nameTypePairs[i], (ValueType) nameTypePairs[i + 1]);
        }
        return m;
    }

    /** Alice's properties, one of every type: written by the fixture and expected back from it. */
    private static Map<String, Value> aliceProperties() {
        Map<String, Value> props = new LinkedHashMap<>();
        props.put("name", Value.of("Alice"));
        props.put("age", Value.of(34));
        props.put("height", Value.of(1.68));
        props.put("active", Value.of(true));
        props.put("born", Value.of(BORN));
        props.put("photo", Value.of(PHOTO));
        props.put("tags", aliceTags());
        props.put("address", aliceAddress());
        return props;
    }

    private static Value aliceAddress() {
        return Value.map(Map.of("city", Value.of("Paris"), "zip", Value.of(75001), "floor", Value.NULL));
    }

    private static Value aliceTags() {
        return Value.list(List.of(Value.of("admin"), Value.of(7), Value.of(true), Value.list(List.of(Value.of(1.5)))));
    }

    private static final byte[] PHOTO = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};

    /** Writes the fixture's 17 logical operations into a new, empty collection. */
    static void write(Collection c) {
        c.updateSchema(s -> s
                .entityType("Person", ordered("name", ValueType.STRING, "age", ValueType.INT64,
                        "height", ValueType.FLOAT64, "active", ValueType.BOOL, "born", ValueType.TIMESTAMP,
                        "photo", ValueType.BYTES, "tags", ValueType.LIST, "address", ValueType.MAP))
                .entityType("Place", ordered("name", ValueType.STRING))
                .edgeType("knows").edgeType("livesIn"));
        c.updateSchema(s -> s
                .vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
                .vectorField("bag", VectorKind.SPARSE, 16, VectorMetric.DOT)
                .vectorField("tokens", VectorKind.MULTI, 2, VectorMetric.L2)
                .vectorField("hyp", VectorKind.DENSE, 2, VectorMetric.POINCARE)
                .vectorField("lor", VectorKind.DENSE, 3, VectorMetric.LORENTZ)
                .measure("temp", Duration.ZERO)
                .measure("steps", STEPS_RETENTION));
        UUID alice = c.ids().forKey("alice");
        UUID bob = c.ids().forKey("bob");
        UUID carol = c.ids().forKey("carol");
        UUID paris = c.ids().forKey("paris");
        UUID ghost = c.ids().forKey("ghost");
        c.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.patchProperties(alice, aliceProperties());
        });
        c.write(tx -> {
            tx.upsertEntity("bob", "Person");
            tx.patchProperties(bob, Map.of("name", Value.of("Bob"), "age", Value.of(-5)));
            tx.setVector(bob, "emb", new float[]{0, 0, 2.5f});
            tx.upsertEntity("paris", "Place");
            tx.patchProperties(paris, Map.of("name", Value.of("Paris")));
        });
        c.write(tx -> {
            tx.setVector(alice, "emb", new float[]{0.25f, -1, 3});
            tx.setSparseVector(alice, "bag", new int[]{0, 7, 15}, new float[]{1, -0.5f, 2});
            tx.setMultiVector(alice, "tokens", List.of(new float[]{1, 2}, new float[]{-3, 4}, new float[]{0, 0}));
            tx.setVector(alice, "hyp", new float[]{0.5f, -0.25f});
            tx.setVector(alice, "lor", new float[]{(float) Math.cosh(0.5), (float) Math.sinh(0.5), 0});
        });
        c.write(tx -> {
            tx.addEdge(alice, "knows", bob, 0.5f);
            tx.addEdge(bob, "knows", alice, 0.25f);
            tx.addEdge(alice, "livesIn", paris, 1f);
        });
        c.write(tx -> {
            tx.appendMeasure(alice, "temp", T0, 20.5);
            tx.appendMeasure(alice, "temp", T0 + 60_000, 21);
            tx.appendMeasure(alice, "temp", T0 + 120_000, -3.25);
            tx.appendMeasure(alice, "steps", T0, 1000);
            tx.appendMeasure(alice, "steps", T0 + 86_400_000, 1234);
        });
        c.write(tx -> {
            tx.setPosition(alice, PositionKind.GRAPH, new double[]{Math.cosh(0.1), Math.sinh(0.1), 0}, T0);
            tx.setPosition(alice, PositionKind.EMBEDDING, new double[]{1, 0}, T0);
        });
        flushAll(c);
        c.write(tx -> tx.setPosition(alice, PositionKind.GRAPH, new double[]{Math.cosh(0.2), 0, Math.sinh(0.2)}, T0 + 1000));
        c.write(tx -> {
            tx.upsertEntity("carol", "Person");
            tx.patchProperties(carol, Map.of("name", Value.of("Carol"), "age", Value.of(41)));
            tx.addEdge(carol, "knows", alice, 2f);
        });
        c.write(tx -> tx.patchProperties(carol, Map.of("age", Value.NULL)));
        c.write(tx -> tx.removeEdge(carol, "knows", alice));
        c.write(tx -> {
            tx.upsertEntity("ghost", "Person");
            tx.addEdge(ghost, "knows", alice, 9f);
        });
        c.write(tx -> tx.deleteEntity(ghost));
        c.write(tx -> {
            tx.upsertEntity(ANONYMOUS, "Place");
            tx.patchProperties(ANONYMOUS, Map.of("name", Value.of("Nowhere")));
            tx.addEdge(bob, "livesIn", ANONYMOUS, 0.75f);
        });
        c.write(tx -> tx.setMultiVector(bob, "tokens", List.of(new float[]{5, 6})));
        c.write(tx -> tx.removeVector(bob, "tokens"));
    }

    /** Flushes every family's memtable, so what was written so far is read from SST files. */
    private static void flushAll(Collection c) {
        try (Lease lease = c.acquire(); FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
            List<ColumnFamilyHandle> families = new ArrayList<>();
            for (String name : ColumnFamilies.FIXED) {
                families.add(lease.store().family(name));
            }
            for (String field : c.schema().vectorFields().keySet()) {
                families.add(lease.store().vectorFamily(field));
            }
            lease.store().db().flush(options, families);
        } catch (RocksDBException e) {
            throw new IllegalStateException("flush failed", e);
        }
    }

    /** Asserts that {@code c} holds exactly the fixture's content. */
    static void verify(Collection c) {
        verifySchema(c.schema());
        c.read(view -> {
            verifyTables(c, view);
            return null;
        });
        verifyFeed(c);
    }

    private static void verifySchema(Schema schema) {
        assertThat(schema.revision()).isEqualTo(2);
        assertThat(schema.entityTypes().keySet()).containsExactlyInAnyOrder("Person", "Place");
        EntityType person = schema.entityType("Person");
        assertThat(person.properties().keySet())
                .containsExactlyInAnyOrder("name", "age", "height", "active", "born", "photo", "tags", "address");
        assertThat(person.property("born").orElseThrow().type()).isEqualTo(ValueType.TIMESTAMP);
        assertThat(person.property("address").orElseThrow().type()).isEqualTo(ValueType.MAP);
        assertThat(schema.entityType("Place").properties().keySet()).containsExactly("name");
        assertThat(schema.edgeTypes().keySet()).containsExactlyInAnyOrder("knows", "livesIn");
        assertThat(schema.vectorFields().values()).extracting(VectorField::name, VectorField::kind,
                VectorField::dimension, VectorField::metric).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("emb", VectorKind.DENSE, 3, VectorMetric.COSINE),
                org.assertj.core.groups.Tuple.tuple("bag", VectorKind.SPARSE, 16, VectorMetric.DOT),
                org.assertj.core.groups.Tuple.tuple("tokens", VectorKind.MULTI, 2, VectorMetric.L2),
                org.assertj.core.groups.Tuple.tuple("hyp", VectorKind.DENSE, 2, VectorMetric.POINCARE),
                org.assertj.core.groups.Tuple.tuple("lor", VectorKind.DENSE, 3, VectorMetric.LORENTZ));
        assertThat(schema.vectorFields().values()).as("a version 1 catalog has no index settings: the defaults")
                .extracting(VectorField::index).containsOnly(io.hyperspatial.manifold.schema.VectorIndexSettings.DEFAULT);
        assertThat(schema.measures().values()).extracting(MeasureDef::name, MeasureDef::retention)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("temp", Duration.ZERO),
                        org.assertj.core.groups.Tuple.tuple("steps", STEPS_RETENTION));
    }

    private static void verifyTables(Collection c, ReadView view) {
        UUID alice = c.ids().forKey("alice");
        UUID bob = c.ids().forKey("bob");
        UUID carol = c.ids().forKey("carol");
        UUID paris = c.ids().forKey("paris");
        UUID ghost = c.ids().forKey("ghost");

        List<Entity> entities = new ArrayList<>();
        view.entities().forEach(entities::add);
        assertThat(entities).extracting(Entity::id).containsExactlyInAnyOrder(alice, bob, carol, paris, ANONYMOUS);
        assertEntity(view, alice, "Person", "alice", 2);
        assertEntity(view, bob, "Person", "bob", 3);
        assertEntity(view, carol, "Person", "carol", 2);
        assertEntity(view, paris, "Place", "paris", 1);
        assertEntity(view, ANONYMOUS, "Place", null, 1);
        assertThat(view.entities().exists(ghost)).isFalse();

        assertThat(view.properties().all(alice)).isEqualTo(aliceProperties());
        assertThat(view.properties().get(alice, "born")).contains(Value.of(BORN));
        assertThat(view.properties().all(bob)).isEqualTo(Map.of("name", Value.of("Bob"), "age", Value.of(-5)));
        assertThat(view.properties().all(carol)).isEqualTo(Map.of("name", Value.of("Carol")));
        assertThat(view.properties().all(paris)).isEqualTo(Map.of("name", Value.of("Paris")));
        assertThat(view.properties().all(ANONYMOUS)).isEqualTo(Map.of("name", Value.of("Nowhere")));
        assertThat(view.properties().all(ghost)).isEmpty();

        assertThat(view.vectors().dense(alice, "emb").orElseThrow()).containsExactly(0.25f, -1, 3);
        assertThat(view.vectors().dense(bob, "emb").orElseThrow()).containsExactly(0, 0, 2.5f);
        assertThat(view.vectors().sparse(alice, "bag"))
                .contains(new SparseVector(new int[]{0, 7, 15}, new float[]{1, -0.5f, 2}));
        assertThat(view.vectors().multi(alice, "tokens").orElseThrow())
                .containsExactly(new float[]{1, 2}, new float[]{-3, 4}, new float[]{0, 0});
        assertThat(view.vectors().multi(bob, "tokens")).as("removed").isEmpty();
        assertThat(view.vectors().dense(alice, "hyp").orElseThrow()).containsExactly(0.5f, -0.25f);
        assertThat(view.vectors().dense(alice, "lor").orElseThrow())
                .containsExactly((float) Math.cosh(0.5), (float) Math.sinh(0.5), 0);
        assertThat(view.vectors().dense(carol, "emb")).isEmpty();
        List<UUID> withEmb = new ArrayList<>();
        view.vectors().forEachDense("emb", (id, v) -> withEmb.add(id));
        assertThat(withEmb).containsExactlyInAnyOrder(alice, bob);

        assertActiveEdge(view, alice, "knows", bob, 0.5f);
        assertActiveEdge(view, bob, "knows", alice, 0.25f);
        assertActiveEdge(view, alice, "livesIn", paris, 1f);
        assertActiveEdge(view, bob, "livesIn", ANONYMOUS, 0.75f);
        Edge removed = view.graph().edge(carol, "knows", alice).orElseThrow();
        assertThat(removed.active()).isFalse();
        assertThat(removed.weight()).isEqualTo(2f);
        assertThat(removed.deletedMillis()).isGreaterThanOrEqualTo(removed.createdMillis()).isGreaterThan(NOT_BEFORE);
        assertThat(view.graph().edge(ghost, "knows", alice)).isEmpty();
        assertThat(view.graph().outgoing(alice)).extracting(Edge::to).containsExactlyInAnyOrder(bob, paris);
        assertThat(view.graph().incoming(alice)).extracting(Edge::from).containsExactly(bob);
        assertThat(view.graph().outgoing(carol)).isEmpty();
        assertThat(view.graph().incoming(ANONYMOUS, "livesIn")).extracting(Edge::from).containsExactly(bob);

        assertThat(view.measures().range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(
                new MeasurePoint(T0, 20.5), new MeasurePoint(T0 + 60_000, 21), new MeasurePoint(T0 + 120_000, -3.25));
        assertThat(view.measures().range(alice, "steps", Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(
                new MeasurePoint(T0, 1000), new MeasurePoint(T0 + 86_400_000, 1234));
        assertThat(view.measures().range(bob, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();

        assertThat(view.positions().get(alice, PositionKind.GRAPH).orElseThrow())
                .containsExactly(Math.cosh(0.2), 0, Math.sinh(0.2));
        assertThat(view.positions().get(alice, PositionKind.EMBEDDING).orElseThrow()).containsExactly(1, 0);
        assertThat(view.positions().get(alice, PositionKind.PROPERTY)).isEmpty();
        List<PositionSnapshot> trajectory = view.positions().trajectory(alice, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(trajectory).extracting(PositionSnapshot::timeMillis).containsExactly(T0, T0 + 1000);
        assertThat(trajectory.get(0).coordinates()).containsExactly(Math.cosh(0.1), Math.sinh(0.1), 0);
        assertThat(trajectory.get(1).coordinates()).containsExactly(Math.cosh(0.2), 0, Math.sinh(0.2));
        assertThat(view.positions().get(bob, PositionKind.GRAPH)).isEmpty();
    }

    private static void assertEntity(ReadView view, UUID id, String type, String key, long version) {
        Entity e = view.entities().get(id).orElseThrow();
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.key()).isEqualTo(Optional.ofNullable(key));
        assertThat(e.version()).as("version of %s", key).isEqualTo(version);
        assertThat(e.createdMillis()).isGreaterThan(NOT_BEFORE).isLessThanOrEqualTo(e.updatedMillis());
        assertThat(e.updatedMillis()).isLessThanOrEqualTo(System.currentTimeMillis());
    }

    private static void assertActiveEdge(ReadView view, UUID from, String type, UUID to, float weight) {
        Edge e = view.graph().edge(from, type, to).orElseThrow();
        assertThat(e.active()).isTrue();
        assertThat(e.weight()).isEqualTo(weight);
        assertThat(e.createdMillis()).isGreaterThan(NOT_BEFORE);
        assertThat(view.graph().incoming(to, type)).extracting(Edge::from).contains(from);
    }

    private static void verifyFeed(Collection c) {
        UUID alice = c.ids().forKey("alice");
        UUID bob = c.ids().forKey("bob");
        UUID carol = c.ids().forKey("carol");
        UUID paris = c.ids().forKey("paris");
        UUID ghost = c.ids().forKey("ghost");
        List<Map<UUID, Set<ChangeFlag>>> expected = List.of(
                Map.of(),
                Map.of(),
                Map.of(alice, EnumSet.of(CREATED, UPDATED, PROPERTIES)),
                Map.of(bob, EnumSet.of(CREATED, UPDATED, PROPERTIES, VECTORS), paris, EnumSet.of(CREATED, UPDATED, PROPERTIES)),
                Map.of(alice, EnumSet.of(UPDATED, VECTORS)),
                Map.of(alice, EnumSet.of(EDGES), bob, EnumSet.of(EDGES), paris, EnumSet.of(EDGES)),
                Map.of(alice, EnumSet.of(MEASURES)),
                Map.of(alice, EnumSet.of(POSITIONS)),
                Map.of(alice, EnumSet.of(POSITIONS)),
                Map.of(carol, EnumSet.of(CREATED, UPDATED, PROPERTIES, EDGES), alice, EnumSet.of(EDGES)),
                Map.of(carol, EnumSet.of(UPDATED, PROPERTIES)),
                Map.of(carol, EnumSet.of(EDGES), alice, EnumSet.of(EDGES)),
                Map.of(ghost, EnumSet.of(CREATED, EDGES), alice, EnumSet.of(EDGES)),
                Map.of(ghost, EnumSet.of(DELETED), alice, EnumSet.of(EDGES)),
                Map.of(ANONYMOUS, EnumSet.of(CREATED, UPDATED, PROPERTIES, EDGES), bob, EnumSet.of(EDGES)),
                Map.of(bob, EnumSet.of(UPDATED, VECTORS)),
                Map.of(bob, EnumSet.of(UPDATED, VECTORS)));
        assertThat(c.changes().lastSequence()).isEqualTo(expected.size());
        List<ChangeEvent> events = c.changes().read(0, 100);
        assertThat(events).extracting(ChangeEvent::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList());
        assertThat(events).extracting(ChangeEvent::schemaRevision)
                .containsExactly(1L, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        for (int i = 0; i < expected.size(); i++) {
            Map<UUID, Set<ChangeFlag>> flags = events.get(i).changes().stream()
                    .collect(Collectors.toMap(EntityChange::id, EntityChange::flags));
            assertThat(flags).as("changes of event %d", i + 1).isEqualTo(expected.get(i));
            assertThat(events.get(i).timeMillis()).isGreaterThan(NOT_BEFORE);
        }
        assertThat(events).extracting(ChangeEvent::timeMillis).isSorted();
    }
}
