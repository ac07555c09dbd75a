package io.hyperspatial.core.query;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code NEAR … WITHIN} over a collection, through its HNSW indexes and without them, against the
 * exact answer computed here, on an l2 and a poincare column; the boundary, empty results, and
 * hyperbolic points the column refuses.
 */
class RowsWithinTest {
    private static final int ROWS = 800;

    @TempDir
    Path dir;

    @Test
    void radiusScansMatchTheExactAnswerWithAndWithoutTheIndex() {
        try (HyperspatialDatabase db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, null)) {
            db.storage().getOrCreateCollection("v");
            Engine indexed = new Engine(new CollectionDataSource(db.collection("v"), () -> db.indexer("v"), Durability.ASYNC));
            Engine exact = new Engine(new CollectionDataSource(db.collection("v"), null, Durability.ASYNC));
            indexed.execute("CREATE TABLE doc(cat INTEGER, emb VECTOR(3, l2), h VECTOR(3, poincare))");
            indexed.execute("CREATE TABLE other(emb VECTOR(3, l2))");
            Random r = new Random(5);
            List<float[]> flat = new ArrayList<>();
            List<float[]> ball = new ArrayList<>();
            StringBuilder insert = new StringBuilder("INSERT INTO doc VALUES");
            for (int i = 0; i < ROWS; i++) {
                flat.add(new float[] {r.nextFloat(), r.nextFloat(), r.nextFloat()});
                ball.add(ballPoint(r));
                insert.append(i == 0 ? "" : ",").append("('d").append(i).append("', ").append(i % 100).append(", '")
                        .append(new Vector(flat.get(i))).append("', '").append(new Vector(ball.get(i))).append("')");
            }
            indexed.execute(insert.toString());
            indexed.execute("INSERT INTO other VALUES('o1', '[0.5, 0.5, 0.5]'), ('o2', '[0.4, 0.5, 0.5]')");

            for (int q = 0; q < 12; q++) {
                boolean hyperbolic = q % 2 == 1;
                float[] query = hyperbolic ? ballPoint(r) : new float[] {r.nextFloat(), r.nextFloat(), r.nextFloat()};
                double radius = hyperbolic ? 0.3 + 1.5 * r.nextDouble() : 0.05 + 0.25 * r.nextDouble();
                String column = hyperbolic ? "h" : "emb";
                VectorMetric metric = hyperbolic ? VectorMetric.POINCARE : VectorMetric.L2;
                List<float[]> points = hyperbolic ? ball : flat;
                String all = "SELECT key FROM doc WHERE " + column + " NEAR ? WITHIN ? ORDER BY key";
                String filtered = "SELECT key FROM doc WHERE cat >= 90 AND " + column + " NEAR ? WITHIN ? ORDER BY key";
                String nearest = "SELECT key FROM doc WHERE " + column + " NEAR ? WITHIN ? ORDER BY "
                        + (hyperbolic ? "hdist(h, ?)" : "emb <-> ?") + " LIMIT 3";
                List<String> expectedAll = within(points, metric, query, radius, cat -> true, false);
                for (Engine engine : List.of(indexed, exact)) {
                    assertThat(keys(engine, all, query, radius)).as("query %d", q).isEqualTo(expectedAll);
                    assertThat(keys(engine, filtered, query, radius)).as("query %d", q)
                            .isEqualTo(within(points, metric, query, radius, cat -> cat >= 90, false));
                    assertThat(keys(engine, nearest, query, radius, query)).as("query %d", q)
                            .isEqualTo(within(points, metric, query, radius, cat -> true, true).stream().limit(3).toList());
                }
            }
            assertThat(keys(indexed, "SELECT key FROM doc WHERE emb NEAR '[0.5, 0.5, 0.5]' WITHIN 10")).hasSize(ROWS);
            assertThat(keys(indexed, "SELECT key FROM doc WHERE emb NEAR '[9, 9, 9]' WITHIN 0.5")).isEmpty();
            assertThat(explain(indexed, "SELECT key FROM doc WHERE cat = 1 AND h NEAR '[0, 0, 0]' WITHIN 1"))
                    .contains("RadiusScan doc on hdist(h, '[0, 0, 0]') <= 1 filter (cat = 1)");
        }
    }

    @Test
    void theBoundaryIsIncludedAndHyperbolicPointsAreChecked() {
        try (HyperspatialDatabase db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, null)) {
            db.storage().getOrCreateCollection("b");
            Engine engine = new Engine(new CollectionDataSource(db.collection("b"), () -> db.indexer("b"), Durability.ASYNC));
            engine.execute("CREATE TABLE pt(v VECTOR(2), h VECTOR(2, poincare))");
            engine.execute("INSERT INTO pt VALUES('a', '[0, 0.5]', '[0, 0.5]'), ('b', '[0, 0.25]', '[0, 0]'), ('c', '[0, 1]', '[0.9, 0]')");

            assertThat(keys(engine, "SELECT key FROM pt WHERE v NEAR '[0, 0]' WITHIN 0.5 ORDER BY key")).containsExactly("a", "b");
            assertThat(keys(engine, "SELECT key FROM pt WHERE v NEAR '[0, 0]' WITHIN 0.4999 ORDER BY key")).containsExactly("b");
            assertThat(keys(engine, "SELECT key FROM pt WHERE h NEAR '[0, 0]' WITHIN ? ORDER BY key",
                    VectorMetric.POINCARE.distance(new Vector(new float[] {0, 0.5f}), new Vector(new float[2]))))
                    .containsExactly("a", "b");
            HqlException outside = catchThrowableOfType(HqlException.class,
                    () -> engine.execute("INSERT INTO pt VALUES('d', '[0, 0]', '[0.1, 0.1]'), ('e', '[0, 0]', '[0.8, 0.8]')"));
            assertThat(outside.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
            assertThat(keys(engine, "SELECT key FROM pt ORDER BY key")).containsExactly("a", "b", "c");
            assertThat(keys(engine, "SELECT key FROM pt ORDER BY hdist(h, '[0.8, 0]') LIMIT 1")).containsExactly("c");
        }
    }

    private static List<String> within(List<float[]> points, VectorMetric metric, float[] query, double radius,
                                       IntPredicate cat, boolean byDistance) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (cat.test(i % 100) && metric.distance(new Vector(points.get(i)), new Vector(query)) <= radius) {
                ids.add(i);
            }
        }
        if (byDistance) {
            ids.sort(Comparator.comparingDouble(i -> metric.distance(new Vector(points.get(i)), new Vector(query))));
            return ids.stream().map(i -> "d" + i).toList();
        }
        return ids.stream().map(i -> "d" + i).sorted().toList();
    }

    private static float[] ballPoint(Random r) {
        float[] p = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
        double norm = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
        double radius = 0.9 * Math.cbrt(r.nextDouble());
        for (int i = 0; i < 3; i++) {
            p[i] = (float) (p[i] * radius / norm);
        }
        return p;
    }

    private static List<String> keys(Engine engine, String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows().stream().map(row -> (String) row.getFirst()).toList();
    }

    private static String explain(Engine engine, String sql) {
        return ((StatementResult.Rows) engine.execute("EXPLAIN " + sql)).rows().toString();
    }
}
