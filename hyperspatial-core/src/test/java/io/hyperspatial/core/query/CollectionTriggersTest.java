package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Triggers are refused on a collection (it cannot run a trigger's statements inside the write
 * that fires it): CREATE TRIGGER fails with {@code HQL_UNSUPPORTED}, stores nothing, and the table
 * stays writable.
 */
class CollectionTriggersTest {
    @TempDir
    Path dir;

    @Test
    void createTriggerIsRefusedAndLeavesTheTableWritable() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            CollectionDataSource source = new CollectionDataSource(db.getOrCreateCollection("c"), null, Durability.STRICT);
            Engine engine = new Engine(source);
            engine.executeScript("""
                    CREATE TABLE item(id INTEGER PRIMARY KEY, n INTEGER);
                    CREATE TABLE log(id INTEGER PRIMARY KEY, what TEXT);
                    """);

            HqlException refused = catchThrowableOfType(HqlException.class, () -> engine.execute(
                    "CREATE TRIGGER item_logged AFTER INSERT ON item BEGIN INSERT INTO log(what) VALUES(NEW.id); END"));
            assertThat(refused.code()).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
            assertThat(refused.getMessage()).contains("triggers are not supported on a collection");

            assertThat(source.triggers("item")).isEmpty();
            engine.execute("INSERT INTO item(id, n) VALUES(1, 5)");
            assertThat(((StatementResult.Rows) engine.execute("SELECT n FROM item")).rows()).containsExactly(List.of(5L));
            assertThat(((StatementResult.Rows) engine.execute("SELECT count(*) FROM log")).rows()).containsExactly(List.of(0L));
        }
    }
}
