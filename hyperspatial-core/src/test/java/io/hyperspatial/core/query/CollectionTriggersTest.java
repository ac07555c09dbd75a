package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Triggers over a collection are kept in its SQL catalog beside the views: they survive a reopen
 * and go with their table. They do not fire there yet (a collection cannot undo a statement's
 * earlier writes), so a write that would fire one is refused before it changes anything.
 */
class CollectionTriggersTest {
    @TempDir
    Path dir;

    private Database db;
    private CollectionDataSource source;
    private Engine engine;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        source = new CollectionDataSource(db.getOrCreateCollection("c"), null, Durability.STRICT);
        engine = new Engine(source);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void reopen() {
        db.close();
        open();
    }

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }

    private HqlException failure(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql));
    }

    @Test
    void triggersSurviveAReopenAndGoWithTheirTable() {
        engine.executeScript("""
                CREATE TABLE item(id INTEGER PRIMARY KEY, n INTEGER);
                CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT);
                CREATE TRIGGER item_logged AFTER INSERT ON item BEGIN INSERT INTO log(what) VALUES('item ' || NEW.id); END;
                CREATE TRIGGER item_checked BEFORE UPDATE OF n ON item WHEN NEW.n < 0 BEGIN SELECT 1; END;
                """);

        reopen();

        assertThat(source.triggers("item")).extracting(t -> t.name()).containsExactly("item_logged", "item_checked");
        assertThat(source.trigger("ITEM_LOGGED")).get().extracting(t -> t.table()).isEqualTo("item");
        assertThat(failure("CREATE TRIGGER item_logged AFTER DELETE ON item BEGIN SELECT 1; END").code())
                .isEqualTo(ErrorCode.HQL_DUPLICATE_OBJECT);

        HqlException refused = failure("INSERT INTO item(id, n) VALUES(1, 5)");
        assertThat(refused.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(refused.getMessage()).contains("triggers do not fire on a collection");
        assertThat(rows("SELECT count(*) FROM item")).containsExactly(List.of(0L));

        engine.execute("DROP TRIGGER item_logged");
        engine.execute("INSERT INTO item(id, n) VALUES(1, 5)");
        assertThat(rows("SELECT n FROM item")).containsExactly(List.of(5L));

        engine.execute("DROP TABLE item");
        reopen();
        assertThat(source.trigger("item_checked")).isEmpty();
        assertThat(failure("DROP TRIGGER item_checked").code()).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
    }
}
