package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionTableTest extends TwoPeopleFixture {
    /** Sets the point of the unit hyperboloid with these spatial coordinates. */
    private void set(UUID id, PositionKind kind, long time, double... spatial) {
        setRaw(id, kind, time, point(spatial));
    }

    private void setRaw(UUID id, PositionKind kind, long time, double... coordinates) {
        people.write(tx -> tx.setPosition(id, kind, coordinates, time));
    }

    /** The point of the hyperboloid ⟨x,x⟩_L = −1 above these spatial coordinates. */
    static double[] point(double... spatial) {
        double[] x = new double[spatial.length + 1];
        double sq = 0;
        for (int i = 0; i < spatial.length; i++) {
            x[i + 1] = spatial[i];
            sq += spatial[i] * spatial[i];
        }
        x[0] = Math.sqrt(1 + sq);
        return x;
    }

    private List<PositionSnapshot> trajectory(UUID id, PositionKind kind, long from, long to) {
        try (ReadView v = people.snapshot()) {
            return v.positions().trajectory(id, kind, from, to);
        }
    }

    @Test
    void aPositionRoundTripsInFullPrecision() {
        double[] point = point(1e-6, -Double.MIN_VALUE, 123456.789012345678);

        setRaw(alice, PositionKind.GRAPH, 1_000, point);

        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH).orElseThrow()).containsExactly(point);
            assertThat(v.positions().get(alice, PositionKind.EMBEDDING)).isEmpty();
            assertThat(v.positions().get(bob, PositionKind.GRAPH)).isEmpty();
        }
    }

    @Test
    void aBatchReadGivesEachEntitysPositionInOrderAndNullWhereThereIsNone() {
        set(alice, PositionKind.GRAPH, 1_000, 0.5, 2);
        UUID nobody = UUID.randomUUID();

        try (ReadView v = people.snapshot()) {
            set(bob, PositionKind.GRAPH, 2_000, 3, 4);
            List<double[]> read = v.positions().getAll(List.of(bob, alice, nobody, alice), PositionKind.GRAPH);
            assertThat(read).hasSize(4);
            assertThat(read.get(0)).as("bob's position is newer than the snapshot").isNull();
            assertThat(read.get(1)).containsExactly(point(0.5, 2));
            assertThat(read.get(2)).isNull();
            assertThat(read.get(3)).containsExactly(point(0.5, 2));
            assertThat(v.positions().getAll(List.of(), PositionKind.GRAPH)).isEmpty();
        }
        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().getAll(List.of(bob), PositionKind.GRAPH).getFirst()).containsExactly(point(3, 4));
        }
    }

    @Test
    void settingAPositionAgainReplacesTheCurrentOneAndExtendsTheTrajectory() {
        set(alice, PositionKind.GRAPH, 1_000, 0);
        set(alice, PositionKind.GRAPH, 2_000, 1);

        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH).orElseThrow()).containsExactly(point(1));
        }
        assertThat(trajectory(alice, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(2);
    }

    @Test
    void aTrajectoryIsOrderedByTimeWhateverTheOrderOfWriting() {
        set(alice, PositionKind.GRAPH, 300, 3);
        set(alice, PositionKind.GRAPH, -100, -1);
        set(alice, PositionKind.GRAPH, 100, 1);
        set(alice, PositionKind.GRAPH, 200, 2);

        List<PositionSnapshot> all = trajectory(alice, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE);

        assertThat(all).extracting(PositionSnapshot::timeMillis).containsExactly(-100L, 100L, 200L, 300L);
        assertThat(all).extracting(s -> s.coordinates()[1]).containsExactly(-1.0, 1.0, 2.0, 3.0);
        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH).orElseThrow())
                    .as("the current position is the one set last").containsExactly(point(2));
        }
    }

    @Test
    void aTrajectoryRangeIncludesItsStartAndExcludesItsEnd() {
        for (long t = 0; t < 5; t++) {
            set(alice, PositionKind.EMBEDDING, t * 10, t, 0);
        }

        assertThat(trajectory(alice, PositionKind.EMBEDDING, 10, 30)).extracting(PositionSnapshot::timeMillis)
                .containsExactly(10L, 20L);
        assertThat(trajectory(alice, PositionKind.EMBEDDING, 11, 31)).extracting(PositionSnapshot::timeMillis)
                .containsExactly(20L, 30L);
        assertThat(trajectory(alice, PositionKind.EMBEDDING, 20, 20)).isEmpty();
    }

    @Test
    void aPositionAtTheSameTimeReplacesTheTrajectoryPoint() {
        set(alice, PositionKind.GRAPH, 50, 1);
        set(alice, PositionKind.GRAPH, 50, 4);

        assertThat(trajectory(alice, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE)).singleElement()
                .satisfies(s -> assertThat(s.coordinates()).containsExactly(point(4)));
    }

    @Test
    void kindsAndEntitiesAreSeparate() {
        set(alice, PositionKind.GRAPH, 10, 1);
        set(alice, PositionKind.EMBEDDING, 20, 2, 0);
        set(alice, PositionKind.PROPERTY, 30, 3, 0, 0);
        set(bob, PositionKind.GRAPH, 40, 4);

        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH).orElseThrow()).containsExactly(point(1));
            assertThat(v.positions().get(alice, PositionKind.EMBEDDING).orElseThrow()).containsExactly(point(2, 0));
            assertThat(v.positions().get(alice, PositionKind.PROPERTY).orElseThrow()).containsExactly(point(3, 0, 0));
            assertThat(v.positions().get(bob, PositionKind.GRAPH).orElseThrow()).containsExactly(point(4));
        }
        assertThat(trajectory(alice, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE))
                .extracting(PositionSnapshot::timeMillis).containsExactly(10L);
        assertThat(trajectory(alice, PositionKind.EMBEDDING, Long.MIN_VALUE, Long.MAX_VALUE))
                .extracting(PositionSnapshot::timeMillis).containsExactly(20L);
        assertThat(trajectory(bob, PositionKind.EMBEDDING, Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aPositionNeedsATimeCoordinateAndOneMore() {
        assertThatThrownBy(() -> setRaw(alice, PositionKind.GRAPH, 1, 1))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DIMENSION_MISMATCH);
                    assertThat(e.field()).contains("position.graph");
                });
    }

    @Test
    void nonFiniteCoordinatesAreRejectedByIndex() {
        assertThatThrownBy(() -> setRaw(alice, PositionKind.GRAPH, 1, 1, Double.NaN, 0))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NON_FINITE_VALUE);
                    assertThat(e.field()).contains("position.graph[1]");
                });
        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH)).isEmpty();
        }
    }

    @Test
    void aPositionNeedsItsEntity() {
        assertThatThrownBy(() -> set(people.ids().forKey("ghost"), PositionKind.GRAPH, 1, 0))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_NOT_FOUND));
    }

    @Test
    void positionsSurviveAReopen() {
        set(alice, PositionKind.GRAPH, 1, 1);
        set(alice, PositionKind.GRAPH, 2, 2);

        db.close();
        db = TestCollections.open(dir);
        people = db.collection("people");

        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH).orElseThrow()).containsExactly(point(2));
        }
        assertThat(trajectory(alice, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(2);
    }

    @Test
    void forEachVisitsTheCurrentPositionOfEveryEntityOfOneKind() {
        set(alice, PositionKind.GRAPH, 1, 1);
        set(alice, PositionKind.GRAPH, 2, 3);
        set(bob, PositionKind.GRAPH, 1, 2);
        set(bob, PositionKind.EMBEDDING, 1, 5);

        java.util.Map<UUID, double[]> seen = new java.util.HashMap<>();
        try (ReadView v = people.snapshot()) {
            v.positions().forEach(PositionKind.GRAPH, seen::put);
        }

        assertThat(seen).containsOnlyKeys(alice, bob);
        assertThat(seen.get(alice)).containsExactly(point(3));
        assertThat(seen.get(bob)).containsExactly(point(2));
    }

    @Test
    void aPointOffTheHyperboloidIsRejectedAndNothingIsWritten() {
        assertThatThrownBy(() -> setRaw(alice, PositionKind.GRAPH, 1, 2, 1))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.field()).contains("position.graph");
                    assertThat(e.getMessage()).contains("not on the hyperboloid");
                });
        assertThatThrownBy(() -> setRaw(alice, PositionKind.GRAPH, 1, -1, 0))
                .as("the lower sheet").isInstanceOf(SchemaViolationException.class);
        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH)).isEmpty();
        }
    }

    @Test
    void aDeclaredSpaceFixesTheDimensionAndCurvature() {
        people.updateSchema(e -> e.edgeType("reports_to").positionSpace(PositionKind.GRAPH, 2, 4.0, List.of("reports_to")));
        double r = 0.7;
        double[] onQuarterHyperboloid = {Math.cosh(r) / 2, Math.sinh(r) / 2, 0};

        setRaw(alice, PositionKind.GRAPH, 1, onQuarterHyperboloid);

        assertThatThrownBy(() -> set(bob, PositionKind.GRAPH, 1, 0.5, 0.5))
                .as("on the unit hyperboloid, not the declared one").isInstanceOf(SchemaViolationException.class);
        assertThatThrownBy(() -> setRaw(bob, PositionKind.GRAPH, 1, 0.5, 0))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DIMENSION_MISMATCH);
                    assertThat(e.getMessage()).contains("declares 3");
                });
        try (ReadView v = people.snapshot()) {
            assertThat(v.positions().get(alice, PositionKind.GRAPH).orElseThrow()).containsExactly(onQuarterHyperboloid);
            assertThat(v.positions().get(bob, PositionKind.GRAPH)).isEmpty();
        }
    }
}
