package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.PreparedStatement;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows read by entity id (key and index lookups, index ranges, join probes) share one property
 * cursor per statement ({@link StatementSnapshot#lookups()}), interleaving the rows of several
 * tables on it: they must read exactly the rows a model holds, also after writes between and
 * within statements.
 */
class LookupRowsTest {
    private static final int ITEMS = 300;
    private static final int OWNERS = 20;

    @TempDir
    Path dir;

    private Database db;
    private Engine engine;
    private final SplittableRandom random = new SplittableRandom(23);
    private final long[] val = new long[ITEMS + 1];
    private final long[] owner = new long[ITEMS + 1];
    private final String[] ownerName = new String[OWNERS + 1];

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        engine = new Engine(new CollectionDataSource(db.getOrCreateCollection("c"), null, Durability.ASYNC));
        engine.executeScript("""
                CREATE TABLE item(id INTEGER PRIMARY KEY, val INTEGER, name TEXT, owner INTEGER);
                CREATE INDEX item_val ON item(val);
                CREATE TABLE owner(id INTEGER PRIMARY KEY, name TEXT);
                """);
        for (int o = 1; o <= OWNERS; o++) {
            ownerName[o] = "o" + random.nextInt(1_000);
            engine.execute("INSERT INTO owner(id, name) VALUES(?, ?)", (long) o, ownerName[o]);
        }
        for (int i = 1; i <= ITEMS; i++) {
            val[i] = random.nextInt(ITEMS);
            owner[i] = 1 + random.nextInt(OWNERS);
            engine.execute("INSERT INTO item(id, val, name, owner) VALUES(?, ?, ?, ?)", (long) i, val[i], "i" + i, owner[i]);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void joinProbesAndRangesReadTheModelsRowsAcrossWrites() {
        PreparedStatement join = engine.prepare(
                "SELECT i.id, i.name, o.name FROM item i JOIN owner o ON o.id = i.owner WHERE i.val BETWEEN ? AND ?");
        PreparedStatement point = engine.prepare("SELECT val, owner FROM item WHERE id = ?");
        for (int round = 0; round < 40; round++) {
            long low = random.nextInt(ITEMS);
            long high = low + random.nextInt(30);
            assertThat(rows(join.execute(low, high))).as("round %d", round).containsExactlyInAnyOrderElementsOf(expectedJoin(low, high));
            int id = 1 + random.nextInt(ITEMS);
            assertThat(rows(point.execute((long) id))).containsExactly(List.of(val[id], owner[id]));

            int changed = 1 + random.nextInt(ITEMS);
            val[changed] = random.nextInt(ITEMS);
            owner[changed] = 1 + random.nextInt(OWNERS);
            engine.execute("UPDATE item SET val = ?, owner = ? WHERE id = ?", val[changed], owner[changed], (long) changed);
            int renamed = 1 + random.nextInt(OWNERS);
            ownerName[renamed] = "r" + round;
            engine.execute("UPDATE owner SET name = ? WHERE id = ?", ownerName[renamed], (long) renamed);
        }
    }

    @Test
    void aStatementThatWritesReadsByIdBeforeAndAfterItsWrite() {
        engine.execute("UPDATE item SET val = val + 1000 WHERE id IN (SELECT i.id FROM item i JOIN owner o ON o.id = i.owner"
                + " WHERE o.id = 3)");
        for (int i = 1; i <= ITEMS; i++) {
            if (owner[i] == 3) {
                val[i] += 1000;
            }
        }
        engine.execute("INSERT INTO owner(id, name) SELECT id + 100, name FROM item WHERE id <= 5");
        for (int i = 1; i <= 5; i++) {
            assertThat(rows(engine.execute("SELECT name FROM owner WHERE id = ?", (long) i + 100))).containsExactly(List.of("i" + i));
        }
        assertThat(rows(engine.execute("SELECT count(*) FROM item WHERE val >= 1000")))
                .containsExactly(List.of((long) java.util.Arrays.stream(owner).filter(o -> o == 3).count()));
        assertThat(rows(join(0, ITEMS + 1000))).containsExactlyInAnyOrderElementsOf(expectedJoin(0, ITEMS + 1000));
    }

    private StatementResult join(long low, long high) {
        return engine.execute("SELECT i.id, i.name, o.name FROM item i JOIN owner o ON o.id = i.owner WHERE i.val BETWEEN ? AND ?",
                low, high);
    }

    private List<List<Object>> expectedJoin(long low, long high) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            if (val[i] >= low && val[i] <= high) {
                out.add(List.of((long) i, "i" + i, ownerName[(int) owner[i]]));
            }
        }
        return out;
    }

    private static List<List<Object>> rows(StatementResult result) {
        return ((StatementResult.Rows) result).rows();
    }
}
