package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class GraphTableTest {
    @TempDir
    Path dir;

    private Database db;
    private Collection people;
    private UUID alice;
    private UUID bob;
    private UUID carol;
    private UUID paris;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        people = TestCollections.create(db, "people");
        alice = people.ids().forKey("alice");
        bob = people.ids().forKey("bob");
        carol = people.ids().forKey("carol");
        paris = people.ids().forKey("paris");
        people.write(tx -> {
            tx.upsertEntity("alice", "Person");
            tx.upsertEntity("bob", "Person");
            tx.upsertEntity("carol", "Person");
            tx.upsertEntity("paris", "City");
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ReadView view() {
        return people.snapshot();
    }

    @Test
    void anEdgeIsVisibleFromBothEnds() {
        long before = System.currentTimeMillis();
        people.write(tx -> tx.addEdge(alice, "knows", bob, 0.75f));

        try (ReadView v = view()) {
            Edge e = v.graph().edge(alice, "knows", bob).orElseThrow();
            assertThat(e).extracting(Edge::from, Edge::type, Edge::to, Edge::weight, Edge::active, Edge::deletedMillis)
                    .containsExactly(alice, "knows", bob, 0.75f, true, 0L);
            assertThat(e.createdMillis()).isBetween(before, System.currentTimeMillis());
            assertThat(v.graph().outgoing(alice)).containsExactly(e);
            assertThat(v.graph().incoming(bob)).containsExactly(e);
            assertThat(v.graph().incoming(alice)).isEmpty();
            assertThat(v.graph().outgoing(bob)).isEmpty();
            assertThat(v.graph().edge(bob, "knows", alice)).as("edges are directed").isEmpty();
        }
    }

    @Test
    void listingsFilterByTypeOrShowAllTypes() {
        people.write(tx -> {
            tx.addEdge(alice, "knows", bob, 1f);
            tx.addEdge(alice, "knows", carol, 2f);
            tx.addEdge(alice, "lives_in", paris, 3f);
            tx.addEdge(bob, "lives_in", paris, 4f);
            tx.addEdge(carol, "knows", bob, 5f);
        });

        try (ReadView v = view()) {
            GraphTable g = v.graph();
            assertThat(g.outgoing(alice)).extracting(Edge::type, Edge::to, Edge::weight)
                    .containsExactlyInAnyOrder(tuple("knows", bob, 1f), tuple("knows", carol, 2f), tuple("lives_in", paris, 3f));
            assertThat(g.outgoing(alice, "knows")).extracting(Edge::to).containsExactlyInAnyOrder(bob, carol);
            assertThat(g.outgoing(alice, "lives_in")).extracting(Edge::to).containsExactly(paris);
            assertThat(g.outgoing(bob, "knows")).isEmpty();
            assertThat(g.incoming(paris)).extracting(Edge::from, Edge::type)
                    .containsExactlyInAnyOrder(tuple(alice, "lives_in"), tuple(bob, "lives_in"));
            assertThat(g.incoming(paris, "knows")).isEmpty();
            assertThat(g.incoming(bob)).extracting(Edge::from, Edge::type, Edge::weight)
                    .containsExactlyInAnyOrder(tuple(alice, "knows", 1f), tuple(carol, "knows", 5f));
            assertThat(g.incoming(bob, "knows")).hasSize(2);
            assertThat(g.incoming(bob, "knows")).allSatisfy(e -> assertThat(e.to()).isEqualTo(bob));
        }
    }

    @Test
    void reAddingAnActiveEdgeKeepsItsCreationTimeAndTakesTheNewWeight() throws InterruptedException {
        people.write(tx -> tx.addEdge(alice, "knows", bob, 1f));
        long created = edge(alice, "knows", bob).createdMillis();
        Thread.sleep(5);

        people.write(tx -> tx.addEdge(alice, "knows", bob, 9f));

        Edge e = edge(alice, "knows", bob);
        assertThat(e.createdMillis()).isEqualTo(created);
        assertThat(e.weight()).isEqualTo(9f);
        assertThat(e.active()).isTrue();
        try (ReadView v = view()) {
            assertThat(v.graph().outgoing(alice)).containsExactly(e);
            assertThat(v.graph().incoming(bob)).containsExactly(e);
        }
    }

    @Test
    void removingAnEdgeMarksItInactiveAndHidesItFromListings() {
        people.write(tx -> {
            tx.addEdge(alice, "knows", bob, 2f);
            tx.addEdge(alice, "knows", carol, 3f);
        });
        long before = System.currentTimeMillis();

        people.write(tx -> assertThat(tx.removeEdge(alice, "knows", bob)).isTrue());

        Edge removed = edge(alice, "knows", bob);
        assertThat(removed.active()).isFalse();
        assertThat(removed.weight()).isEqualTo(2f);
        assertThat(removed.deletedMillis()).isGreaterThanOrEqualTo(before);
        try (ReadView v = view()) {
            assertThat(v.graph().outgoing(alice)).extracting(Edge::to).containsExactly(carol);
            assertThat(v.graph().outgoing(alice, "knows")).extracting(Edge::to).containsExactly(carol);
            assertThat(v.graph().incoming(bob)).isEmpty();
            assertThat(v.graph().incoming(bob, "knows")).isEmpty();
        }
    }

    @Test
    void removingAnEdgeThatIsNotActiveReturnsFalseAndEmitsNothing() {
        people.write(tx -> tx.addEdge(alice, "knows", bob, 1f));
        people.write(tx -> tx.removeEdge(alice, "knows", bob));
        long sequence = people.changes().lastSequence();

        people.write(tx -> {
            assertThat(tx.removeEdge(alice, "knows", bob)).isFalse();
            assertThat(tx.removeEdge(alice, "knows", carol)).isFalse();
            assertThat(tx.removeEdge(bob, "knows", alice)).isFalse();
        });

        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
    }

    @Test
    void reAddingARemovedEdgeActivatesItAgain() throws InterruptedException {
        people.write(tx -> tx.addEdge(alice, "knows", bob, 1f));
        long firstCreated = edge(alice, "knows", bob).createdMillis();
        people.write(tx -> tx.removeEdge(alice, "knows", bob));
        Thread.sleep(5);

        people.write(tx -> tx.addEdge(alice, "knows", bob, 4f));

        Edge e = edge(alice, "knows", bob);
        assertThat(e.active()).isTrue();
        assertThat(e.weight()).isEqualTo(4f);
        assertThat(e.deletedMillis()).isZero();
        assertThat(e.createdMillis()).isGreaterThan(firstCreated);
        try (ReadView v = view()) {
            assertThat(v.graph().outgoing(alice)).containsExactly(e);
            assertThat(v.graph().incoming(bob)).containsExactly(e);
        }
    }

    @Test
    void edgesMayNameEntitiesThatDoNotExistYet() {
        UUID ghost = people.ids().forKey("ghost");

        people.write(tx -> {
            tx.addEdge(alice, "knows", ghost, 1f);
            tx.addEdge(ghost, "lives_in", paris, 1f);
        });

        try (ReadView v = view()) {
            assertThat(v.entities().exists(ghost)).isFalse();
            assertThat(v.graph().incoming(ghost)).extracting(Edge::from).containsExactly(alice);
            assertThat(v.graph().outgoing(ghost)).extracting(Edge::to).containsExactly(paris);
        }

        people.write(tx -> tx.upsertEntity("ghost", "Person"));

        try (ReadView v = view()) {
            assertThat(v.graph().incoming(ghost)).extracting(Edge::from).containsExactly(alice);
            assertThat(v.graph().outgoing(ghost)).extracting(Edge::to).containsExactly(paris);
        }
    }

    @Test
    void aSelfLoopAppearsInBothListingsOfItsVertex() {
        people.write(tx -> tx.addEdge(alice, "knows", alice, 1f));

        try (ReadView v = view()) {
            assertThat(v.graph().outgoing(alice)).extracting(Edge::to).containsExactly(alice);
            assertThat(v.graph().incoming(alice)).extracting(Edge::from).containsExactly(alice);
        }
    }

    @Test
    void edgesDoNotChangeTheVersionOfTheirEndpoints() {
        people.write(tx -> tx.addEdge(alice, "knows", bob, 1f));
        people.write(tx -> tx.removeEdge(alice, "knows", bob));

        try (ReadView v = view()) {
            assertThat(v.entities().get(alice).orElseThrow().version()).isEqualTo(1);
            assertThat(v.entities().get(bob).orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownEdgeTypeIsAnUnknownField() {
        assertThatThrownBy(() -> people.write(tx -> tx.addEdge(alice, "hates", bob, 1f)))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.field()).contains("hates");
                });
        try (ReadView v = view()) {
            assertThatThrownBy(() -> v.graph().outgoing(alice, "hates")).isInstanceOf(SchemaViolationException.class);
        }
    }

    @Test
    void aNonFiniteWeightIsRejected() {
        for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> people.write(tx -> tx.addEdge(alice, "knows", bob, bad)))
                    .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NON_FINITE_VALUE);
                        assertThat(e.field()).contains("weight");
                    });
        }
        try (ReadView v = view()) {
            assertThat(v.graph().edge(alice, "knows", bob)).isEmpty();
        }
    }

    @Test
    void edgesSurviveAReopen() {
        people.write(tx -> {
            tx.addEdge(alice, "knows", bob, 1f);
            tx.addEdge(bob, "knows", carol, 2f);
        });
        people.write(tx -> tx.removeEdge(bob, "knows", carol));

        db.close();
        db = TestCollections.open(dir);
        people = db.collection("people");

        try (ReadView v = view()) {
            assertThat(v.graph().outgoing(alice)).extracting(Edge::to, Edge::weight).containsExactly(tuple(bob, 1f));
            assertThat(v.graph().incoming(bob)).extracting(Edge::from).containsExactly(alice);
            assertThat(v.graph().edge(bob, "knows", carol).orElseThrow().active()).isFalse();
            assertThat(v.graph().incoming(carol)).isEmpty();
        }
    }

    @Test
    void aVertexWithManyEdgesListsThemAll() {
        List<UUID> targets = IntStream.range(0, 200).mapToObj(i -> people.ids().forKey("t" + i)).toList();
        people.write(tx -> targets.forEach(t -> tx.addEdge(alice, "knows", t, 1f)));

        try (ReadView v = view()) {
            assertThat(v.graph().outgoing(alice)).extracting(Edge::to).containsExactlyInAnyOrderElementsOf(targets);
            for (UUID t : targets.subList(0, 10)) {
                assertThat(v.graph().incoming(t)).extracting(Edge::from).containsExactly(alice);
            }
        }
    }

    private Edge edge(UUID from, String type, UUID to) {
        try (ReadView v = view()) {
            return v.graph().edge(from, type, to).orElseThrow();
        }
    }
}
