package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;

import java.nio.file.Path;
import java.util.List;

/** A small database with one collection {@code c} and a HyperQL engine over it, for tests; close it. */
final class SqlCollection implements AutoCloseable {
    final Database db;
    final Collection collection;
    final Engine engine;

    SqlCollection(Path dir) {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        collection = db.getOrCreateCollection("c");
        engine = new Engine(new CollectionDataSource(collection, null, Durability.ASYNC));
    }

    /** The rows a query returns. */
    List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }

    @Override
    public void close() {
        db.close();
    }
}
