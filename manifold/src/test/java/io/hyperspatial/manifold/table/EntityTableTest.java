package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTableTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection people;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        people = TestCollections.create(db, "people");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private <T> T read(Function<ReadView, T> query) {
        return people.read(query);
    }

    private Entity entity(UUID id) {
        return read(v -> v.entities().get(id)).orElseThrow();
    }

    @Test
    void aNewEntityHasVersionOneItsTypeAndItsKey() {
        long before = System.currentTimeMillis();
        UUID[] id = new UUID[1];
        people.write(tx -> id[0] = tx.upsertEntity("alice", "Person"));
        long after = System.currentTimeMillis();

        Entity e = entity(id[0]);
        assertThat(e.id()).isEqualTo(id[0]);
        assertThat(e.type()).isEqualTo("Person");
        assertThat(e.key()).contains("alice");
        assertThat(e.version()).isEqualTo(1);
        assertThat(e.createdMillis()).isBetween(before, after);
        assertThat(e.updatedMillis()).isEqualTo(e.createdMillis());
        try (ReadView v = people.snapshot()) {
            assertThat(v.entities().exists(id[0])).isTrue();
        }
    }

    @Test
    void anEntityCreatedByIdHasNoKey() {
        UUID id = UUID.randomUUID();
        people.write(tx -> tx.upsertEntity(id, "City"));

        Entity e = entity(id);
        assertThat(e.type()).isEqualTo("City");
        assertThat(e.key()).isEmpty();
        assertThat(e.version()).isEqualTo(1);
    }

    @Test
    void theVersionCountsLogicalOperationsOnTypePropertiesAndVectors() {
        UUID alice = people.ids().forKey("alice");
        UUID bob = people.ids().forKey("bob");
        people.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.upsertEntity("bob", "Person");
        });
        assertThat(entity(alice).version()).isEqualTo(1);

        people.write(tx -> tx.patchProperties(alice, Map.of("age", Value.of(30))));
        assertThat(entity(alice).version()).isEqualTo(2);

        people.write(tx -> {
            tx.patchProperties(alice, Map.of("name", Value.of("Alice")));
            tx.patchProperties(alice, Map.of("score", Value.of(1.5)));
            tx.setVector(alice, "emb", new float[]{1, 0, 0});
        });
        assertThat(entity(alice).version()).as("one logical operation, one increment").isEqualTo(3);

        people.write(tx -> tx.upsertEntity("alice", "Person"));
        assertThat(entity(alice).version()).isEqualTo(4);

        people.write(tx -> assertThat(tx.removeVector(alice, "emb")).isTrue());
        assertThat(entity(alice).version()).isEqualTo(5);

        people.write(tx -> {
            tx.addEdge(alice, "knows", bob, 1f);
            tx.appendMeasure(alice, "temp", 1_000, 20.0);
            tx.setPosition(alice, PositionKind.GRAPH, new double[]{1, 0}, 1_000);
            assertThat(tx.removeVector(alice, "emb")).isFalse();
        });
        assertThat(entity(alice).version()).as("edges, measures and positions are not the entity's own data").isEqualTo(5);
        assertThat(entity(bob).version()).isEqualTo(1);
    }

    @Test
    void createdIsKeptAndUpdatedAdvances() throws InterruptedException {
        UUID[] id = new UUID[1];
        people.write(tx -> id[0] = tx.upsertEntity("alice", "Person"));
        Entity first = entity(id[0]);

        Thread.sleep(5);
        people.write(tx -> tx.patchProperties(id[0], Map.of("age", Value.of(1))));
        Entity second = entity(id[0]);
        Thread.sleep(5);
        people.write(tx -> tx.setVector(id[0], "raw", new float[]{1, 2, 3, 4}));
        Entity third = entity(id[0]);

        assertThat(second.createdMillis()).isEqualTo(first.createdMillis());
        assertThat(third.createdMillis()).isEqualTo(first.createdMillis());
        assertThat(second.updatedMillis()).isGreaterThan(first.updatedMillis());
        assertThat(third.updatedMillis()).isGreaterThan(second.updatedMillis());
    }

    @Test
    void aUserKeyMapsToTheSameIdAfterAReopen() {
        UUID[] id = new UUID[1];
        long sequence = people.write(tx -> {
            id[0] = tx.upsertEntity("alice", "Person");
            tx.patchProperties(id[0], Map.of("age", Value.of(30)));
        });
        assertThat(id[0]).isEqualTo(people.ids().forKey("alice"));
        assertThat(sequence).as("the schema change was event 1").isEqualTo(2);
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
        int events = people.changes().read(0, 100).size();

        db.close();
        db = TestCollections.open(dir);
        people = db.collection("people");

        assertThat(people.ids().forKey("alice")).isEqualTo(id[0]);
        assertThat(entity(id[0]).key()).contains("alice");
        try (ReadView v = people.snapshot()) {
            assertThat(v.properties().get(id[0], "age")).contains(Value.of(30));
        }
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
        assertThat(people.changes().read(0, 100)).hasSize(events);
        UUID[] again = new UUID[1];
        people.write(tx -> again[0] = tx.upsertEntity("alice", "Person"));
        assertThat(again[0]).isEqualTo(id[0]);
        assertThat(entity(id[0]).version()).isEqualTo(2);
    }

    @Test
    void aCollectionOfTheSameNameInAnotherDatabaseMapsKeysToTheSameIds(@TempDir Path otherDir) {
        try (Database other = TestCollections.open(otherDir)) {
            Collection twin = TestCollections.create(other, "people");
            UUID[] here = new UUID[1];
            UUID[] there = new UUID[1];
            people.write(tx -> here[0] = tx.upsertEntity("alice", "Person"));
            twin.write(tx -> there[0] = tx.upsertEntity("alice", "Person"));

            assertThat(there[0]).isEqualTo(here[0]);
            assertThat(twin.ids().forKey("bob")).isEqualTo(people.ids().forKey("bob"));
        }
    }

    @Test
    void collectionsOfDifferentNamesMapAKeyToDifferentIds() {
        Collection places = TestCollections.create(db, "places");

        assertThat(places.ids().forKey("alice")).isNotEqualTo(people.ids().forKey("alice"));
        assertThat(people.ids().forKey("alice")).isNotEqualTo(people.ids().forKey("alicf"));
        assertThat(people.ids().forKey("alice").version()).isEqualTo(5);
    }

    @Test
    void upsertingWithAnotherTypeIsATypeMismatchAndChangesNothing() {
        UUID[] id = new UUID[1];
        people.write(tx -> id[0] = tx.upsertEntity("paris", "City"));
        long sequence = people.changes().lastSequence();

        assertThatThrownBy(() -> people.write(tx -> tx.upsertEntity("paris", "Person")))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
                    assertThat(e.field()).contains("type");
                    assertThat(e.getMessage()).contains("paris", "City", "Person");
                });

        assertThat(entity(id[0]).type()).isEqualTo("City");
        assertThat(entity(id[0]).version()).isEqualTo(1);
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
    }

    @Test
    void prefetchedHeadersBehaveExactlyAsHeadersReadOneByOne() {
        UUID existing = people.ids().forKey("alice");
        people.write(tx -> tx.upsertEntity("alice", "Person"));
        UUID fresh = people.ids().forKey("bob");

        people.write(tx -> {
            tx.prefetch(List.of(existing, fresh, existing));
            tx.upsertEntity("alice", "Person");
            tx.upsertEntity("bob", "Person");
            tx.patchProperties(fresh, Map.of("name", Value.of("Bob")));
        });
        assertThat(entity(existing).version()).isEqualTo(2);
        assertThat(entity(fresh).version()).isEqualTo(1);

        assertThatThrownBy(() -> people.write(tx -> {
            tx.prefetch(List.of(existing));
            tx.upsertEntity("alice", "City");
        })).isInstanceOfSatisfying(SchemaViolationException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThat(entity(existing).version()).isEqualTo(2);
    }

    @Test
    void anUnknownTypeIsAnUnknownField() {
        assertThatThrownBy(() -> people.write(tx -> tx.upsertEntity("x", "Planet")))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.field()).contains("Planet");
                });
    }

    @Test
    void existsCountAndForEachSeeEveryEntityInIdOrder() {
        people.write(tx -> {
            for (int i = 0; i < 20; i++) {
                tx.upsertEntity("p" + i, i % 3 == 0 ? "City" : "Person");
            }
        });

        List<Entity> seen = new ArrayList<>();
        read(v -> {
            v.entities().forEach(seen::add);
            return null;
        });

        try (ReadView v = people.snapshot()) {
            assertThat(v.entities().count()).isEqualTo(20);
            assertThat(v.entities().exists(people.ids().forKey("p20"))).isFalse();
            assertThat(v.entities().get(people.ids().forKey("p20"))).isEmpty();
        }
        assertThat(seen).extracting(Entity::key).extracting(Optional::orElseThrow)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> "p" + i).toList());
        assertThat(seen).extracting(Entity::id).isSortedAccordingTo(EntityTableTest::unsignedOrder);
        assertThat(seen).filteredOn(e -> e.type().equals("City")).hasSize(7);
    }

    private static int unsignedOrder(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void deletingAnEntityRemovesEverythingOfItAndBothDirectionsOfItsEdges() {
        UUID alice = people.ids().forKey("alice");
        UUID bob = people.ids().forKey("bob");
        UUID carol = people.ids().forKey("carol");
        UUID paris = people.ids().forKey("paris");
        people.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.upsertEntity("bob", "Person");
            tx.upsertEntity("carol", "Person");
            tx.upsertEntity("paris", "City");
            for (UUID p : List.of(alice, bob)) {
                tx.patchProperties(p, Map.of("name", Value.of("n"), "age", Value.of(3), "tags", Value.list(List.of(Value.of(1)))));
                tx.setVector(p, "emb", new float[]{1, 2, 3});
                tx.setVector(p, "raw", new float[]{1, 2, 3, 4});
                tx.setSparseVector(p, "terms", new int[]{1, 5}, new float[]{1, 2});
                tx.setMultiVector(p, "passages", List.of(new float[]{1, 2}));
                tx.appendMeasure(p, "temp", 1_000, 1.0);
                tx.appendMeasure(p, "recent", 2_000, 2.0);
                tx.setPosition(p, PositionKind.GRAPH, new double[]{1, 0}, 10);
                tx.setPosition(p, PositionKind.EMBEDDING, new double[]{1, 0, 0}, 20);
            }
            tx.addEdge(alice, "knows", bob, 1f);
            tx.addEdge(carol, "knows", alice, 2f);
            tx.addEdge(alice, "lives_in", paris, 3f);
            tx.addEdge(alice, "knows", alice, 4f);
            tx.addEdge(alice, "knows", carol, 5f);
            tx.addEdge(bob, "knows", carol, 6f);
            tx.addEdge(bob, "lives_in", paris, 7f);
        });
        people.write(tx -> tx.removeEdge(alice, "knows", carol));

        long sequence = people.write(tx -> assertThat(tx.deleteEntity(alice)).isTrue());

        read(v -> {
            assertThat(v.entities().get(alice)).isEmpty();
            assertThat(v.properties().all(alice)).isEmpty();
            assertThat(v.vectors().dense(alice, "emb")).isEmpty();
            assertThat(v.vectors().dense(alice, "raw")).isEmpty();
            assertThat(v.vectors().sparse(alice, "terms")).isEmpty();
            assertThat(v.vectors().multi(alice, "passages")).isEmpty();
            assertThat(v.measures().range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
            assertThat(v.measures().range(alice, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
            for (PositionKind kind : PositionKind.values()) {
                assertThat(v.positions().get(alice, kind)).isEmpty();
                assertThat(v.positions().trajectory(alice, kind, Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
            }
            assertThat(v.graph().outgoing(alice)).isEmpty();
            assertThat(v.graph().incoming(alice)).isEmpty();
            assertThat(v.graph().edge(alice, "knows", bob)).as("the row goes, not just the active flag").isEmpty();
            assertThat(v.graph().edge(carol, "knows", alice)).isEmpty();
            assertThat(v.graph().edge(alice, "knows", carol)).as("inactive rows go too").isEmpty();
            assertThat(v.graph().edge(alice, "knows", alice)).isEmpty();
            assertThat(v.graph().incoming(bob)).isEmpty();
            assertThat(v.graph().outgoing(carol)).isEmpty();
            assertThat(v.graph().incoming(carol)).extracting(Edge::from).containsExactly(bob);
            assertThat(v.graph().incoming(paris)).extracting(Edge::from).containsExactly(bob);
            assertThat(v.graph().outgoing(bob)).extracting(Edge::to).containsExactlyInAnyOrder(carol, paris);

            assertThat(v.properties().all(bob)).containsOnlyKeys("name", "age", "tags");
            assertThat(v.vectors().dense(bob, "emb")).isPresent();
            assertThat(v.vectors().sparse(bob, "terms")).isPresent();
            assertThat(v.vectors().multi(bob, "passages")).isPresent();
            assertThat(v.measures().range(bob, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(1);
            assertThat(v.positions().trajectory(bob, PositionKind.EMBEDDING, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(1);
            assertThat(v.entities().count()).isEqualTo(3);
            return null;
        });

        ChangeEvent event = people.changes().read(sequence - 1, 1).getFirst();
        assertThat(event.changes()).filteredOn(c -> c.id().equals(alice)).singleElement()
                .satisfies(c -> assertThat(c.has(ChangeFlag.DELETED)).isTrue());
        assertThat(event.changes()).filteredOn(c -> c.has(ChangeFlag.EDGES)).extracting(EntityChange::id)
                .contains(bob, carol, paris);

        assertThat(people.write(tx -> assertThat(tx.deleteEntity(alice)).isFalse())).isEqualTo(sequence);
    }

    @Test
    void aDeletedEntityComesBackEmptyWithVersionOne() {
        UUID alice = people.ids().forKey("alice");
        people.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.patchProperties(alice, Map.of("age", Value.of(30)));
        });
        people.write(tx -> tx.patchProperties(alice, Map.of("age", Value.of(31))));
        people.write(tx -> tx.deleteEntity(alice));

        people.write(tx -> tx.upsertEntity("alice", "City"));

        assertThat(entity(alice).version()).isEqualTo(1);
        assertThat(entity(alice).type()).isEqualTo("City");
        try (ReadView v = people.snapshot()) {
            assertThat(v.properties().all(alice)).isEmpty();
        }
    }

    @Test
    void anEntityCreatedAndDeletedInOneTransactionLeavesNothing() {
        UUID alice = people.ids().forKey("alice");
        UUID bob = people.ids().forKey("bob");
        people.write(tx -> tx.upsertEntity("bob", "Person"));

        people.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.patchProperties(alice, Map.of("age", Value.of(30)));
            tx.setVector(alice, "emb", new float[]{0, 1, 0});
            tx.addEdge(alice, "knows", bob, 1f);
            tx.addEdge(bob, "knows", alice, 1f);
            tx.appendMeasure(alice, "temp", 5, 5);
            assertThat(tx.deleteEntity(alice)).isTrue();
            assertThat(tx.entities().exists(alice)).isFalse();
        });

        read(v -> {
            assertThat(v.entities().exists(alice)).isFalse();
            assertThat(v.properties().all(alice)).isEmpty();
            assertThat(v.vectors().dense(alice, "emb")).isEmpty();
            assertThat(v.graph().outgoing(bob)).isEmpty();
            assertThat(v.graph().incoming(bob)).isEmpty();
            assertThat(v.measures().range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
            return null;
        });
    }
}
