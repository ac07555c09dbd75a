package io.hyperspatial.cli.query;

import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.cli.schema.CollectionSchemas;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.core.query.CollectionDataSource;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.error.ManifoldException;

import java.nio.file.Path;
import java.util.Map;

/**
 * Statements run in this process against a collection of a database directory, through one
 * {@link Engine} (so its plan cache serves the whole session) with strict durability. k-NN scans
 * load or build the collection's HNSW indexes, and {@link #close} snapshots them. Owns the
 * database it was given. Not thread-safe.
 */
public final class LocalRunner implements StatementRunner {
    private final HyperspatialDatabase db;
    private final Collection collection;
    private final Engine engine;
    private final Path directory;

    /**
     * Opens {@code collectionName} in {@code storage}, which it then owns (and closes on failure);
     * with {@code create}, a missing collection is created.
     *
     * @throws ManifoldException {@code collection.not_found} when it is missing and not to be created
     */
    public LocalRunner(Database storage, String collectionName, boolean create) {
        this.directory = storage.root().toAbsolutePath().normalize();
        this.db = HyperspatialDatabase.open(storage, CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
        try {
            this.collection = create ? storage.getOrCreateCollection(collectionName) : db.collection(collectionName);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        this.engine = new Engine(new CollectionDataSource(collection, () -> db.indexer(collectionName), Durability.STRICT));
    }

    @Override
    public StatementResult run(String sql, Map<String, Object> parameters, StatementControl control) {
        try {
            return engine.execute(sql, parameters, control);
        } catch (HqlException e) {
            throw StatementFailure.of(e);
        } catch (ManifoldException e) {
            throw StatementFailure.of(e);
        }
    }

    @Override
    public CollectionSchema schema() {
        return CollectionSchemas.of(collection.name(), collection.schema(), engine.source());
    }

    @Override
    public String target() {
        return "collection '" + collection.name() + "' in " + directory;
    }

    @Override
    public void close() {
        db.close();
    }
}
