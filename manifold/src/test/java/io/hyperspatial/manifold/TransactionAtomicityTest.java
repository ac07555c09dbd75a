package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.PositionSnapshot;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A logical operation is applied whole or not at all: a transaction that fails validation part
 * way leaves no trace of its earlier writes and emits no change event.
 */
class TransactionAtomicityTest {
    private static final EntityIds IDS = new EntityIds("people");
    private static final UUID BASE = IDS.forKey("base");
    private static final UUID FRIEND = IDS.forKey("friend");
    private static final UUID NEW_ONE = IDS.forKey("new_one");
    private static final UUID NEW_TWO = IDS.forKey("new_two");
    private static final UUID GHOST = IDS.forKey("ghost");

    @TempDir
    Path dir;

    private Database db;
    private Collection people;

    @BeforeEach
    void open() {
        db = TestCollections.open(dir);
        people = TestCollections.create(db, "people");
        people.write(tx -> {
            tx.upsertEntity("base", "Person");
            tx.upsertEntity("friend", "Person");
            tx.patchProperties(BASE, Map.of("name", Value.of("Base"), "age", Value.of(40)));
            tx.setVector(BASE, "raw", new float[]{1, 2, 3, 4});
            tx.addEdge(BASE, "knows", FRIEND, 1f);
            tx.addEdge(FRIEND, "knows", BASE, 2f);
            tx.appendMeasure(BASE, "temp", 1_000, 10);
            tx.setPosition(BASE, PositionKind.GRAPH, new double[]{1, 0}, 1_000);
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Stream<Arguments> invalidOperations() {
        return Stream.of(
                invalid("unknown property", tx -> tx.patchProperties(BASE, Map.of("height", Value.of(180))),
                        SchemaViolationException.class, ErrorCode.UNKNOWN_FIELD, "Person.height"),
                invalid("property of the wrong type", tx -> tx.patchProperties(BASE, Map.of("age", Value.of("old"))),
                        SchemaViolationException.class, ErrorCode.TYPE_MISMATCH, "Person.age"),
                invalid("NaN property", tx -> tx.patchProperties(BASE, Map.of("score", Value.of(Double.NaN))),
                        SchemaViolationException.class, ErrorCode.NON_FINITE_VALUE, "Person.score"),
                invalid("vector of the wrong dimension", tx -> tx.setVector(BASE, "raw", new float[]{1, 2, 3}),
                        SchemaViolationException.class, ErrorCode.DIMENSION_MISMATCH, "raw"),
                invalid("NaN in a vector", tx -> tx.setVector(BASE, "raw", new float[]{1, 2, Float.NaN, 4}),
                        SchemaViolationException.class, ErrorCode.NON_FINITE_VALUE, "raw[2]"),
                invalid("zero vector for cosine", tx -> tx.setVector(BASE, "emb", new float[3]),
                        SchemaViolationException.class, ErrorCode.INVALID_ARGUMENT, "emb"),
                invalid("missing entity", tx -> tx.patchProperties(GHOST, Map.of("age", Value.of(1))),
                        NotFoundException.class, ErrorCode.ENTITY_NOT_FOUND, GHOST.toString()),
                invalid("vector of a missing entity", tx -> tx.setVector(GHOST, "raw", new float[]{1, 2, 3, 4}),
                        NotFoundException.class, ErrorCode.ENTITY_NOT_FOUND, GHOST.toString()),
                invalid("unknown edge type", tx -> tx.addEdge(BASE, "hates", FRIEND, 1f),
                        SchemaViolationException.class, ErrorCode.UNKNOWN_FIELD, "hates"),
                invalid("upsert as another type", tx -> tx.upsertEntity("base", "City"),
                        SchemaViolationException.class, ErrorCode.TYPE_MISMATCH, "type"),
                invalid("NaN measure", tx -> tx.appendMeasure(BASE, "temp", 2_000, Double.NaN),
                        SchemaViolationException.class, ErrorCode.NON_FINITE_VALUE, "temp"),
                invalid("unknown measure", tx -> tx.appendMeasure(BASE, "pressure", 2_000, 1),
                        SchemaViolationException.class, ErrorCode.UNKNOWN_FIELD, "pressure"));
    }

    private static Arguments invalid(String name, Consumer<Transaction> op, Class<? extends ManifoldException> type,
                                     ErrorCode code, String field) {
        return arguments(name, op, type, code, field);
    }

    /** Valid writes to every table, including a delete, before the invalid operation. */
    private static void validWrites(Transaction tx) {
        tx.upsertEntity("new_one", "Person");
        tx.upsertEntity("new_two", "City");
        tx.patchProperties(NEW_ONE, Map.of("name", Value.of("New")));
        tx.patchProperties(BASE, Map.of("name", Value.of("Changed"), "age", Value.NULL, "active", Value.of(true)));
        tx.setVector(BASE, "raw", new float[]{9, 9, 9, 9});
        tx.setVector(NEW_ONE, "emb", new float[]{0, 1, 0});
        tx.addEdge(NEW_ONE, "knows", BASE, 3f);
        tx.addEdge(BASE, "lives_in", NEW_TWO, 4f);
        tx.removeEdge(BASE, "knows", FRIEND);
        tx.appendMeasure(BASE, "temp", 1_000, 99);
        tx.appendMeasure(BASE, "temp", 3_000, 30);
        tx.setPosition(BASE, PositionKind.GRAPH, new double[]{Math.cosh(1), Math.sinh(1)}, 2_000);
        tx.deleteEntity(FRIEND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOperations")
    void aTransactionThatFailsPartWayLeavesNoTrace(String name, Consumer<Transaction> op,
                                                   Class<? extends ManifoldException> type, ErrorCode code, String field) {
        State before = state();
        long sequence = people.changes().lastSequence();

        assertThatThrownBy(() -> people.write(tx -> {
            validWrites(tx);
            op.accept(tx);
        })).isInstanceOfSatisfying(type, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).contains(field);
        });

        assertThat(state()).isEqualTo(before);
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
        assertThat(people.changes().read(sequence, 10)).isEmpty();
    }

    @Test
    void anExceptionFromTheCallersOwnCodeAlsoRollsBack() {
        State before = state();
        long sequence = people.changes().lastSequence();

        assertThatThrownBy(() -> people.write(tx -> {
            validWrites(tx);
            throw new IllegalStateException("caller gave up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(state()).isEqualTo(before);
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
    }

    @Test
    void theSameWritesWithoutTheInvalidOperationAreAllApplied() {
        State before = state();

        people.write(TransactionAtomicityTest::validWrites);

        State after = state();
        assertThat(after).isNotEqualTo(before);
        assertThat(after.newOne()).isPresent();
        assertThat(after.base().orElseThrow().version()).isEqualTo(before.base().orElseThrow().version() + 1);
        assertThat(after.baseProperties()).isEqualTo(Map.of("name", Value.of("Changed"), "active", Value.of(true)));
        assertThat(after.friend()).isEmpty();
    }

    @Test
    void aPatchThatFailsOnOneValueWritesNoneOfItsValues() {
        Map<String, Value> patch = new LinkedHashMap<>();
        patch.put("name", Value.of("Half"));
        patch.put("score", Value.of(2.5));
        patch.put("age", Value.of("not a number"));
        State before = state();

        try (Transaction tx = people.begin(Durability.STRICT)) {
            assertThatThrownBy(() -> tx.patchProperties(BASE, patch)).isInstanceOf(SchemaViolationException.class);
            assertThat(tx.properties().get(BASE, "name")).as("the transaction's own view").contains(Value.of("Base"));
            tx.commit();
        }

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aManualTransactionCommitsTheOperationsThatSucceeded() {
        long sequence = people.changes().lastSequence();

        try (Transaction tx = people.begin(Durability.STRICT)) {
            tx.patchProperties(BASE, Map.of("age", Value.of(41)));
            assertThatThrownBy(() -> tx.setVector(BASE, "raw", new float[]{1})).isInstanceOf(SchemaViolationException.class);
            tx.commit();
        }

        State after = state();
        assertThat(after.baseProperties()).containsEntry("age", Value.of(41));
        assertThat(after.baseVector()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(people.changes().lastSequence()).isEqualTo(sequence + 1);
    }

    @Test
    void aTransactionClosedWithoutCommitLeavesNoTrace() {
        State before = state();
        long sequence = people.changes().lastSequence();

        try (Transaction tx = people.begin(Durability.STRICT)) {
            validWrites(tx);
        }

        assertThat(state()).isEqualTo(before);
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
    }

    /** Everything the valid writes touch, read from one snapshot. */
    private record State(Optional<Entity> base, Optional<Entity> friend, Optional<Entity> newOne, Optional<Entity> newTwo,
                         Map<String, Value> baseProperties, Map<String, Value> newOneProperties, List<Float> baseVector,
                         boolean newOneHasVector, List<Edge> baseOut, List<Edge> baseIn, List<Edge> friendOut,
                         List<Edge> newOneOut, List<Edge> newTwoIn, List<MeasurePoint> measures,
                         List<Double> position, List<Long> trajectory) {
    }

    private State state() {
        try (ReadView v = people.snapshot()) {
            float[] vector = v.vectors().dense(BASE, "raw").orElse(new float[0]);
            List<Float> baseVector = new ArrayList<>();
            for (float f : vector) {
                baseVector.add(f);
            }
            return new State(v.entities().get(BASE), v.entities().get(FRIEND), v.entities().get(NEW_ONE),
                    v.entities().get(NEW_TWO), v.properties().all(BASE), v.properties().all(NEW_ONE), baseVector,
                    v.vectors().dense(NEW_ONE, "emb").isPresent(), v.graph().outgoing(BASE), v.graph().incoming(BASE),
                    v.graph().outgoing(FRIEND), v.graph().outgoing(NEW_ONE), v.graph().incoming(NEW_TWO),
                    v.measures().range(BASE, "temp", Long.MIN_VALUE, Long.MAX_VALUE),
                    v.positions().get(BASE, PositionKind.GRAPH).map(c -> Arrays.stream(c).boxed().toList()).orElse(List.of()),
                    v.positions().trajectory(BASE, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE).stream()
                            .map(PositionSnapshot::timeMillis).toList());
        }
    }
}
