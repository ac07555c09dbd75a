package io.hyperspatial.core.query;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k-NN through the collection's HNSW index, against the exact answer computed here: unfiltered,
 * with a filter most rows pass (post-filtering) and with a selective one (the allow-list), and
 * right after a write (the scan waits for the index).
 */
class NearestRowsTest {
    private static final int ROWS = 600;

    @TempDir
    Path dir;

    @Test
    void knnScansMatchTheExactAnswerWithAndWithoutFilters() {
        try (HyperspatialDatabase db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, null)) {
            db.storage().getOrCreateCollection("v");
            Engine engine = new Engine(new CollectionDataSource(db.collection("v"), () -> db.indexer("v"), Durability.ASYNC));
            engine.execute("CREATE TABLE doc(cat INTEGER, emb VECTOR(4, l2))");
            engine.execute("CREATE TABLE other(emb VECTOR(4, l2))");
            Random r = new Random(11);
            List<float[]> vectors = new ArrayList<>();
            StringBuilder insert = new StringBuilder("INSERT INTO doc VALUES");
            for (int i = 0; i < ROWS; i++) {
                float[] v = {r.nextFloat(), r.nextFloat(), r.nextFloat(), r.nextFloat()};
                vectors.add(v);
                insert.append(i == 0 ? "" : ",").append("('d").append(i).append("', ").append(i % 100).append(", '")
                        .append(new Vector(v)).append("')");
            }
            engine.execute(insert.toString());
            engine.execute("INSERT INTO other VALUES('o1', '[0.5, 0.5, 0.5, 0.5]'), ('o2', '[0.4, 0.5, 0.5, 0.5]')");

            for (int q = 0; q < 10; q++) {
                float[] query = {r.nextFloat(), r.nextFloat(), r.nextFloat(), r.nextFloat()};
                assertThat(keys(engine, "SELECT key FROM doc ORDER BY emb <-> ? LIMIT 5", query))
                        .containsExactlyElementsOf(exact(vectors, query, 5, cat -> true));
                assertThat(keys(engine, "SELECT key FROM doc WHERE cat >= 10 ORDER BY emb <-> ? LIMIT 5", query))
                        .containsExactlyElementsOf(exact(vectors, query, 5, cat -> cat >= 10));
                assertThat(keys(engine, "SELECT key FROM doc WHERE cat = 7 OR cat = 42 ORDER BY emb <-> ? LIMIT 5", query))
                        .containsExactlyElementsOf(exact(vectors, query, 5, cat -> cat == 7 || cat == 42));
            }
            assertThat(keys(engine, "SELECT key FROM doc WHERE cat = 3 ORDER BY emb <-> ? LIMIT 50", new float[4]))
                    .hasSize(ROWS / 100);
            engine.execute("INSERT INTO doc VALUES('fresh', 1000, '[9, 9, 9, 9]')");
            assertThat(keys(engine, "SELECT key FROM doc ORDER BY emb <-> '[9, 9, 9, 9]' LIMIT 1", null))
                    .containsExactly("fresh");
            List<List<Object>> explain = ((StatementResult.Rows) engine.execute(
                    "EXPLAIN SELECT key FROM doc ORDER BY emb <-> '[0,0,0,0]' LIMIT 3")).rows();
            assertThat(explain.toString()).contains("KnnScan doc on emb");
        }
    }

    private static List<String> keys(Engine engine, String sql, float[] query) {
        StatementResult result = query == null ? engine.execute(sql) : engine.execute(sql, (Object) query);
        return ((StatementResult.Rows) result).rows().stream().map(row -> (String) row.getFirst()).toList();
    }

    private static List<String> exact(List<float[]> vectors, float[] query, int k, java.util.function.IntPredicate cat) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            if (cat.test(i % 100)) {
                ids.add(i);
            }
        }
        ids.sort(Comparator.comparingDouble(i -> VectorMetric.L2.distance(new Vector(vectors.get(i)), new Vector(query))));
        return ids.stream().limit(k).map(i -> "d" + i).toList();
    }
}
