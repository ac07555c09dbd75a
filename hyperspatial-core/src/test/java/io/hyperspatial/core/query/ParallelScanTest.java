package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregations over a full scan of a collection table large enough to be read in slices by
 * several threads ({@link CollectionTable#openSlices}) must count every row of the table once,
 * skipping the entities of other types, with or without a vector column (read by id, so on one
 * thread), and leave the statement's snapshot usable.
 */
class ParallelScanTest {
    private static final int ITEMS = 50_000;
    private static final int CATEGORIES = 7;

    @TempDir
    Path dir;

    @Test
    void groupedScansCountEveryRowOfTheTypeOnce() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Engine engine = new Engine(new CollectionDataSource(db.getOrCreateCollection("c"), null, Durability.ASYNC));
            engine.executeScript("""
                    CREATE TABLE item(id INTEGER PRIMARY KEY, cat INTEGER, val INTEGER, name TEXT, emb VECTOR(2));
                    CREATE TABLE other(id INTEGER PRIMARY KEY, cat INTEGER);
                    INSERT INTO other(id, cat) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000)
                        SELECT x, x %% 7 FROM c;
                    INSERT INTO item(id, cat, val, name) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d)
                        SELECT x, x %% %d, (x * 7919) %% 1000 - 500, 'n' || x FROM c;
                    UPDATE item SET emb = '[1, 2]' WHERE id %% 10 = 0;
                    """.formatted(ITEMS, CATEGORIES));
            TreeMap<Long, long[]> expected = new TreeMap<>();
            for (long x = 1; x <= ITEMS; x++) {
                long[] g = expected.computeIfAbsent(x % CATEGORIES, k -> new long[] {0, 0, Long.MIN_VALUE});
                long val = (x * 7919) % 1000 - 500;
                g[0]++;
                g[1] += val;
                g[2] = Math.max(g[2], val);
            }
            List<List<Object>> want = new ArrayList<>();
            expected.forEach((cat, g) -> want.add(List.of(cat, g[0], g[1], g[2])));

            assertThat(rows(engine, "SELECT cat, count(*), sum(val), max(val) FROM item GROUP BY cat"))
                    .containsExactlyElementsOf(want);
            assertThat(rows(engine, "SELECT count(*), count(emb), min(name) FROM item"))
                    .containsExactly(List.of((long) ITEMS, (long) ITEMS / 10, "n1"));
            assertThat(rows(engine, "SELECT cat, count(*) FROM item WHERE val > 0 GROUP BY cat HAVING cat < 2"))
                    .hasSize(2);
            // The same statement's reads after an aggregation over slices: a join back to the table.
            assertThat(rows(engine, "SELECT (SELECT count(*) FROM item), i.name FROM item i WHERE i.id = 42"))
                    .containsExactly(List.of((long) ITEMS, "n42"));
        }
    }

    private static List<List<Object>> rows(Engine engine, String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }
}
