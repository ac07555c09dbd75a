package io.hyperspatial.core.query;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.Repositioning;
import io.hyperspatial.core.positioning.WriteProgress;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.table.PositionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Learned graph positions as the computed column {@code graph_position}: read-only Poincaré-ball
 * coordinates, left out of {@code *}, searched by k-NN and radius through the position index with
 * the same answers as the exact scan.
 */
class PositionColumnsTest {
    @TempDir
    Path dir;

    @Test
    void graphPositionsAreAComputedColumnServedByThePositionIndex() {
        try (HyperspatialDatabase db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, null)) {
            db.storage().getOrCreateCollection("tree");
            Engine indexed = new Engine(new CollectionDataSource(db.collection("tree"), () -> db.indexer("tree"), Durability.ASYNC));
            Engine exact = new Engine(new CollectionDataSource(db.collection("tree"), null, Durability.ASYNC));
            indexed.execute("CREATE TABLE node(name TEXT)");
            indexed.execute("CREATE EDGE TYPE is_a");
            writeTree(indexed, "t", 0);
            new Repositioning(PositionKind.GRAPH, 4, List.of("is_a"), null, 30, 7)
                    .run(db.collection("tree"), 2, 0, ProgressListener.NONE, WriteProgress.NONE);

            assertThat(((StatementResult.Rows) indexed.execute("SELECT * FROM node WHERE key = 't'")).columns())
                    .containsExactly("key", "name");
            String nearest = "SELECT key FROM node ORDER BY hdist(graph_position, "
                    + "(SELECT graph_position FROM node WHERE key = 't.1.2')) LIMIT 4";
            assertThat(rows(indexed, "EXPLAIN " + nearest).toString()).contains("KnnScan node on hdist(graph_position, (subquery)) k=4");
            List<List<Object>> found = rows(indexed, nearest);
            assertThat(found).isEqualTo(rows(exact, nearest));
            assertThat(found.getFirst()).containsExactly("t.1.2");

            String within = "SELECT key FROM node WHERE graph_position NEAR (SELECT graph_position FROM node WHERE key = 't.1')"
                    + " WITHIN ? ORDER BY key";
            for (double radius : new double[] {0.5, 1.5, 3.0}) {
                assertThat(rows(indexed, within, radius)).as("radius %s", radius).isEqualTo(rows(exact, within, radius));
            }
            assertThat(rows(indexed, within, 3.0)).contains(List.of("t.1"), List.of("t.1.0"));
            assertThat(rows(indexed, "EXPLAIN " + within, 1.0).toString()).contains("RadiusScan node on hdist(graph_position");
            Object point = rows(indexed, "SELECT graph_position FROM node WHERE key = 't'").getFirst().getFirst();
            assertThat(rows(indexed, "SELECT typeof(graph_position), hdist(graph_position, ?) < 1e-6 FROM node WHERE key = 't'",
                    point)).containsExactly(List.of("vector", 1L));

            HqlException write = catchThrowableOfType(HqlException.class,
                    () -> indexed.execute("UPDATE node SET graph_position = '[0, 0, 0, 0]' WHERE key = 't'"));
            assertThat(write.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
            assertThat(write.getMessage()).contains("node.graph_position is computed");
            indexed.execute("INSERT INTO node VALUES('fresh', 'f')");
            assertThat(rows(indexed, "SELECT graph_position IS NULL FROM node WHERE key = 'fresh'")).containsExactly(List.of(1L));
        }
    }

    @Test
    void aSourceWithoutPositionsHasNoSuchColumn() {
        Engine memory = new Engine(new InMemoryDataSource());
        memory.execute("CREATE TABLE node(name TEXT)");
        assertThat(catchThrowableOfType(HqlException.class,
                () -> memory.execute("SELECT name FROM node ORDER BY hdist(graph_position, '[0, 0]') LIMIT 1")).code())
                .isEqualTo(ErrorCode.HQL_UNKNOWN_COLUMN);
    }

    /**
     * Positions far out (hyperbolic radius 16–17, where float32 ball coordinates keep a few bits
     * of 1 − |x|) are measured from their float64 coordinates: hdist between two points one apart
     * on a ray is 1, and a radius of just under or over 1 splits them exactly, with and without
     * the index.
     */
    @Test
    void distancesFarOutAreMeasuredFromTheFloat64Positions() {
        try (HyperspatialDatabase db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, null)) {
            Collection deep = db.storage().getOrCreateCollection("deep");
            Engine indexed = new Engine(new CollectionDataSource(deep, () -> db.indexer("deep"), Durability.ASYNC));
            Engine exact = new Engine(new CollectionDataSource(deep, null, Durability.ASYNC));
            indexed.execute("CREATE TABLE node(name TEXT)");
            indexed.execute("CREATE EDGE TYPE is_a");
            deep.updateSchema(s -> s.positionSpace(PositionKind.GRAPH, 4, 1.0, List.of("is_a")));
            double[] ray = {0.5, -0.5, 0.5, 0.5};
            double[] aside = {0.5, -0.5, 0.5, -0.5};
            Map<String, double[]> points = new LinkedHashMap<>();
            points.put("r16", onRay(ray, 16));
            points.put("r17", onRay(ray, 17));
            points.put("r16.5", onRay(ray, 16.5));
            points.put("aside", onRay(aside, 16));
            points.put("root", onRay(ray, 0.1));
            for (Map.Entry<String, double[]> p : points.entrySet()) {
                indexed.execute("INSERT INTO node VALUES(?, ?)", p.getKey(), p.getKey());
                deep.write(Durability.STRICT, tx -> tx.setPosition(deep.ids().forKey(p.getKey()), PositionKind.GRAPH, p.getValue(), 1));
            }

            String fromR16 = "hdist(graph_position, (SELECT graph_position FROM node WHERE key = 'r16'))";
            List<List<Object>> distances = rows(indexed, "SELECT key, " + fromR16 + " FROM node ORDER BY key");
            Map<String, Double> byKey = new HashMap<>();
            distances.forEach(r -> byKey.put((String) r.get(0), (Double) r.get(1)));
            assertThat(byKey.get("r17")).isCloseTo(1, within(1e-6));
            assertThat(byKey.get("r16.5")).isCloseTo(0.5, within(1e-6));
            assertThat(byKey.get("root")).isCloseTo(15.9, within(1e-6));

            String nearest = "SELECT key FROM node ORDER BY " + fromR16 + " LIMIT 5";
            assertThat(rows(indexed, "EXPLAIN " + nearest).toString()).contains("KnnScan node");
            assertThat(rows(indexed, nearest)).isEqualTo(rows(exact, nearest))
                    .containsExactly(List.of("r16"), List.of("r16.5"), List.of("r17"), List.of("root"), List.of("aside"));
            String within = "SELECT key FROM node WHERE graph_position NEAR (SELECT graph_position FROM node WHERE key = 'r16')"
                    + " WITHIN ? ORDER BY key";
            for (Engine engine : List.of(indexed, exact)) {
                assertThat(rows(engine, within, 1 - 1e-6)).containsExactly(List.of("r16"), List.of("r16.5"));
                assertThat(rows(engine, within, 1 + 1e-6)).containsExactly(List.of("r16"), List.of("r16.5"), List.of("r17"));
            }
        }
    }

    /** The hyperboloid point (time first) at distance {@code radius} from the origin along a unit direction. */
    private static double[] onRay(double[] direction, double radius) {
        double[] x = new double[direction.length + 1];
        x[0] = Math.cosh(radius);
        for (int i = 0; i < direction.length; i++) {
            x[i + 1] = Math.sinh(radius) * direction[i];
        }
        return x;
    }

    private static void writeTree(Engine engine, String key, int depth) {
        engine.execute("INSERT INTO node VALUES(?, ?)", key, key);
        if (depth == 2) {
            return;
        }
        for (int c = 0; c < 3; c++) {
            String child = key + "." + c;
            writeTree(engine, child, depth + 1);
            engine.execute("INSERT EDGE is_a FROM node(?) TO node(?)", child, key);
        }
    }

    private static List<List<Object>> rows(Engine engine, String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows();
    }
}
