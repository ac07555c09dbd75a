package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.value.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows SQL inserts into a table with a one-column primary key get entity keys derived from it
 * ({@link PrimaryKeys}); lookups and join probes by the primary key try the derived key first and
 * must find exactly the rows the index would, also for rows with other keys.
 */
class PrimaryKeyRowsTest {
    @TempDir
    Path dir;

    private SqlCollection sql;
    private Collection collection;
    private Engine engine;

    @BeforeEach
    void open() {
        sql = new SqlCollection(dir);
        collection = sql.collection;
        engine = sql.engine;
        engine.executeScript("""
                CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT, owner INTEGER);
                CREATE TABLE owner(code TEXT PRIMARY KEY, region INTEGER);
                CREATE TABLE note(id INTEGER, body TEXT);
                CREATE TABLE other(x INTEGER);
                """);
    }

    @AfterEach
    void close() {
        sql.close();
    }

    @Test
    void insertedRowsAreKeyedByTheirPrimaryKeyAndFoundByIt() {
        engine.execute("INSERT INTO item(id, name, owner) VALUES (1, 'one', 10), (2, 'two', 20)");
        engine.execute("INSERT INTO item(name) VALUES ('three')");
        engine.execute("INSERT INTO owner(code, region) VALUES ('x7', 3)");
        engine.execute("INSERT INTO item(key, id, name) VALUES ('mine', 4, 'four')");
        engine.execute("INSERT INTO note(id, body) VALUES (1, 'n')");

        assertThat(rows("SELECT key, id FROM item ORDER BY id"))
                .containsExactly(List.of("item:1", 1L), List.of("item:2", 2L), List.of("item:3", 3L), List.of("mine", 4L));
        assertThat(rows("SELECT key FROM owner")).containsExactly(List.of("owner:x7"));
        assertThat(rows("SELECT key FROM note").getFirst().getFirst().toString()).doesNotStartWith("note:");

        assertThat(rows("SELECT name FROM item WHERE id = 2")).containsExactly(List.of("two"));
        assertThat(rows("SELECT name FROM item WHERE id = 4")).containsExactly(List.of("four"));
        assertThat(rows("SELECT region FROM owner WHERE code = 'x7'")).containsExactly(List.of(3L));
        assertThat(rows("SELECT name FROM item WHERE id = 9")).isEmpty();
        assertThat(rows("SELECT name FROM item WHERE id = '2'")).as("the column's integer affinity applies").containsExactly(List.of("two"));
        assertThat(rows("SELECT name FROM item WHERE id = 2.0")).containsExactly(List.of("two"));
    }

    @Test
    void rowsWrittenWithOtherKeysAreFoundThroughTheIndex() {
        collection.write(Durability.STRICT, tx -> {
            UUID id = tx.upsertEntity("legacy-5", "item");
            tx.patchProperties(id, Map.of("id", Value.of(5L), "name", Value.of("five")));
            // an entity of another type holding the key that row 6 would derive
            tx.upsertEntity("item:6", "other");
        });
        engine.execute("INSERT INTO item(id, name) VALUES (6, 'six')");

        assertThat(rows("SELECT name FROM item WHERE id = 5")).containsExactly(List.of("five"));
        assertThat(rows("SELECT name FROM item WHERE id = 6")).containsExactly(List.of("six"));
        assertThat(rows("SELECT key FROM item WHERE id = 6").getFirst().getFirst()).isNotEqualTo("item:6");
        assertThatThrownBy(() -> engine.execute("INSERT INTO item(id, name) VALUES (5, 'again')"))
                .isInstanceOf(HqlExecutionException.class).hasMessageContaining("item.id");
    }

    @Test
    void aKeyTakenEarlierInTheSameStatementMakesTheRowTakeARandomKey() {
        engine.execute("INSERT INTO item(key, id, name) VALUES ('item:5', 9, 'nine'), (NULL, 5, 'five')");

        assertThat(rows("SELECT key, name FROM item WHERE id = 9")).containsExactly(List.of("item:5", "nine"));
        assertThat(rows("SELECT name FROM item WHERE id = 5")).containsExactly(List.of("five"));
        assertThat(rows("SELECT key FROM item WHERE id = 5").getFirst().getFirst()).isNotEqualTo("item:5");
    }

    @Test
    void aChangedPrimaryKeyIsFoundByItsNewValueAndItsOldValueCanBeInsertedAgain() {
        engine.execute("INSERT INTO item(id, name) VALUES (1, 'one'), (2, 'two')");
        engine.execute("UPDATE item SET id = 100 WHERE id = 1");

        assertThat(rows("SELECT name FROM item WHERE id = 1")).isEmpty();
        assertThat(rows("SELECT key, name FROM item WHERE id = 100")).containsExactly(List.of("item:1", "one"));

        engine.execute("INSERT INTO item(id, name) VALUES (1, 'new one')");
        assertThat(rows("SELECT name FROM item WHERE id = 1")).containsExactly(List.of("new one"));
        assertThat(rows("SELECT count(*) FROM item")).containsExactly(List.of(3L));
    }

    @Test
    void aDuplicatePrimaryKeyIsRefusedIgnoredOrReplacedAsBefore() {
        engine.execute("INSERT INTO item(id, name) VALUES (1, 'one')");
        assertThatThrownBy(() -> engine.execute("INSERT INTO item(id, name) VALUES (1, 'dup')"))
                .isInstanceOf(HqlExecutionException.class).hasMessageContaining("UNIQUE constraint failed: item.id");
        assertThatThrownBy(() -> engine.execute("INSERT INTO item(id, name) VALUES (7, 'a'), (7, 'b')"))
                .isInstanceOf(HqlExecutionException.class).hasMessageContaining("item.id");
        assertThat(rows("SELECT count(*) FROM item WHERE id = 7")).containsExactly(List.of(0L));

        engine.execute("INSERT OR IGNORE INTO item(id, name) VALUES (1, 'ignored')");
        assertThat(rows("SELECT name FROM item WHERE id = 1")).containsExactly(List.of("one"));
        engine.execute("INSERT OR REPLACE INTO item(id, name) VALUES (1, 'replaced')");
        assertThat(rows("SELECT name FROM item WHERE id = 1")).containsExactly(List.of("replaced"));
        assertThat(rows("SELECT count(*) FROM item")).containsExactly(List.of(1L));
    }

    @Test
    void joinProbesOnThePrimaryKeyMixDerivedAndOtherKeysLikeAScan() {
        collection.write(Durability.STRICT, tx -> {
            UUID id = tx.upsertEntity("legacy-owner", "owner");
            tx.patchProperties(id, Map.of("code", Value.of("b"), "region", Value.of(2L)));
        });
        engine.execute("INSERT INTO owner(code, region) VALUES ('a', 1), ('c', 3)");
        engine.execute("UPDATE owner SET code = 'd' WHERE code = 'c'");
        engine.execute("INSERT INTO owner(code, region) VALUES ('c', 33)");
        engine.execute("INSERT INTO item(id, name, owner) VALUES (1, 'a', 0), (2, 'b', 0), (3, 'c', 0), (4, 'd', 0), (5, 'e', 0)");
        engine.execute("CREATE TABLE link(item_id INTEGER, code TEXT)");
        engine.execute("INSERT INTO link(item_id, code) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e'), (6, 'a')");

        List<List<Object>> probed = rows("SELECT l.item_id, o.region FROM link l JOIN owner o ON o.code = l.code ORDER BY l.item_id");
        assertThat(probed).containsExactly(List.of(1L, 1L), List.of(2L, 2L), List.of(3L, 33L), List.of(4L, 3L), List.of(6L, 1L));
        assertThat(rows("SELECT l.item_id, o.region FROM link l JOIN owner o ON o.region = o.region AND o.code = l.code"
                + " ORDER BY l.item_id")).isEqualTo(probed);
    }

    private List<List<Object>> rows(String query) {
        return sql.rows(query);
    }
}
