package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.PositionSnapshot;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deterministic sequence of logical operations touching every table, with a model of the state
 * after any prefix of it. Operation {@code i} (from 1) creates entity {@code <prefix>-i} of type
 * {@code Node} with two properties, a dense vector, an edge to entity {@code i-1}, a measure point
 * and a position; every fifth operation also deletes entity {@code i-1} (with its rows and edges).
 * Several workloads with different prefixes can run side by side in one collection.
 */
public final class ChainWorkload {
    public static final String TYPE = "Node";
    public static final String EDGE = "next";
    public static final String VECTOR = "emb";
    public static final String MEASURE = "load";

    private final String prefix;

    public ChainWorkload(String prefix) {
        this.prefix = prefix;
    }

    /** Declares what the workload writes (idempotent). */
    public static void defineSchema(Collection c) {
        c.updateSchema(s -> s.entityType(TYPE, Map.of("n", ValueType.INT64, "name", ValueType.STRING))
                .vectorField(VECTOR, VectorKind.DENSE, 3, VectorMetric.COSINE)
                .edgeType(EDGE)
                .measure(MEASURE, Duration.ZERO));
    }

    public String key(int i) {
        return prefix + "-" + i;
    }

    /** Runs operation {@code i} as one logical operation; returns its change-feed sequence. */
    public long write(Collection c, Durability durability, int i) {
        return c.write(durability, tx -> step(tx, c.ids(), i));
    }

    /** Stages operation {@code i} in {@code tx}; {@code ids} are the collection's. */
    public void step(Transaction tx, EntityIds ids, int i) {
        UUID id = tx.upsertEntity(key(i), TYPE);
        tx.patchProperties(id, Map.of("n", Value.of(i), "name", Value.of("node " + i)));
        tx.setVector(id, VECTOR, vector(i));
        if (i > 1) {
            tx.addEdge(id, EDGE, ids.forKey(key(i - 1)), weight(i));
        }
        tx.appendMeasure(id, MEASURE, time(i), i * 0.5);
        tx.setPosition(id, PositionKind.GRAPH, position(i), time(i));
        if (i > 1 && i % 5 == 0) {
            tx.deleteEntity(ids.forKey(key(i - 1)));
        }
    }

    /** Whether entity {@code j} exists after operations {@code 1..n}. */
    public static boolean present(int j, int n) {
        return j >= 1 && j <= n && !(j + 1 <= n && (j + 1) % 5 == 0);
    }

    /** How many of this workload's entities exist after operations {@code 1..n}. */
    public static int expectedCount(int n) {
        int count = 0;
        for (int j = 1; j <= n; j++) {
            if (present(j, n)) {
                count++;
            }
        }
        return count;
    }

    /** Asserts that {@code view} holds exactly the rows operations {@code 1..n} leave for this workload. */
    public void check(ReadView view, EntityIds ids, int n) {
        for (int j = 1; j <= n + 1; j++) {
            checkEntity(view, ids, j, n);
        }
    }

    private void checkEntity(ReadView view, EntityIds ids, int j, int n) {
        UUID id = ids.forKey(key(j));
        String what = key(j) + " after " + n + " operations";
        if (!present(j, n)) {
            assertThat(view.entities().exists(id)).as(what + ": entity").isFalse();
            assertThat(view.properties().all(id)).as(what + ": properties").isEmpty();
            assertThat(view.vectors().dense(id, VECTOR)).as(what + ": vector").isEmpty();
            assertThat(view.graph().outgoing(id)).as(what + ": outgoing").isEmpty();
            assertThat(view.graph().incoming(id)).as(what + ": incoming").isEmpty();
            assertThat(view.measures().range(id, MEASURE, Long.MIN_VALUE, Long.MAX_VALUE)).as(what + ": measures").isEmpty();
            assertThat(view.positions().get(id, PositionKind.GRAPH)).as(what + ": position").isEmpty();
            return;
        }
        Entity e = view.entities().get(id).orElseThrow();
        assertThat(e.type()).as(what).isEqualTo(TYPE);
        assertThat(e.key()).as(what).contains(key(j));
        assertThat(e.version()).as(what + ": version").isEqualTo(1);
        assertThat(view.properties().all(id)).as(what + ": properties")
                .isEqualTo(Map.of("n", Value.of(j), "name", Value.of("node " + j)));
        assertThat(view.vectors().dense(id, VECTOR)).as(what + ": vector").hasValueSatisfying(
                v -> assertThat(v).containsExactly(vector(j)));
        List<Edge> out = view.graph().outgoing(id);
        if (j > 1 && present(j - 1, n)) {
            assertThat(out).as(what + ": outgoing").singleElement().satisfies(edge -> {
                assertThat(edge.to()).isEqualTo(ids.forKey(key(j - 1)));
                assertThat(edge.type()).isEqualTo(EDGE);
                assertThat(edge.weight()).isEqualTo(weight(j));
            });
        } else {
            assertThat(out).as(what + ": outgoing").isEmpty();
        }
        assertThat(view.graph().incoming(id)).as(what + ": incoming").hasSize(present(j + 1, n) ? 1 : 0);
        assertThat(view.measures().range(id, MEASURE, Long.MIN_VALUE, Long.MAX_VALUE)).as(what + ": measures")
                .containsExactly(new MeasurePoint(time(j), j * 0.5));
        assertThat(view.positions().get(id, PositionKind.GRAPH)).as(what + ": position")
                .hasValueSatisfying(p -> assertThat(p).containsExactly(position(j)));
        List<PositionSnapshot> trajectory = view.positions().trajectory(id, PositionKind.GRAPH, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(trajectory).as(what + ": trajectory").singleElement().satisfies(s -> {
            assertThat(s.timeMillis()).isEqualTo(time(j));
            assertThat(s.coordinates()).containsExactly(position(j));
        });
    }

    static float[] vector(int i) {
        return new float[]{i, 1, -i % 7};
    }

    static float weight(int i) {
        return i / 8f;
    }

    static long time(int i) {
        return 1_700_000_000_000L + i * 1000L;
    }

    static double[] position(int i) {
        return new double[]{Math.cosh(i * 0.01), Math.sinh(i * 0.01)};
    }
}
