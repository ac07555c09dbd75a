package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The fixture of tests that run HyperQL over one collection of a database in a temporary
 * directory and reopen it: strict durability, the collection {@code c}, no indexes.
 */
abstract class SqlOverCollectionTest {
    @TempDir
    Path dir;

    Database db;
    Collection collection;
    CollectionDataSource source;
    Engine engine;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        collection = db.getOrCreateCollection("c");
        source = new CollectionDataSource(collection, null, Durability.STRICT);
        engine = new Engine(source);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Closes the database and opens it again, as a restart would. */
    void reopen() {
        db.close();
        open();
    }

    List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }
}
