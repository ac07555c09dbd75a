package io.hyperspatial.core;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.IndexFactory;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.schema.VectorField;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A Hyperspatial database: manifold storage plus the indexes kept over it. The storage is a
 * {@link Database}; each collection's dense vector fields get HNSW indexes the first time the
 * collection is searched ({@link #indexer}), which then follow the collection's change feed.
 * Thread-safe; close it to stop indexing and close the storage.
 */
public final class HyperspatialDatabase implements AutoCloseable {
    private final Database database;
    private final IndexFactory indexFactory;
    private final Function<VectorField, IndexConfig> indexConfigs;
    private final Map<String, CollectionIndexer> indexers = new ConcurrentHashMap<>();

    private HyperspatialDatabase(Database database, IndexFactory indexFactory,
                                 Function<VectorField, IndexConfig> indexConfigs) {
        this.database = database;
        this.indexFactory = indexFactory;
        this.indexConfigs = indexConfigs;
    }

    /** Opens the database in {@code dir} with HNSW indexes of default configuration. */
    public static HyperspatialDatabase open(Path dir, DatabaseOptions options) {
        return open(Database.open(dir, options), HnswIndex::new, CollectionIndexer::defaultConfig);
    }

    /** Wraps an open storage database; the facade takes ownership and closes it. */
    public static HyperspatialDatabase open(Database database, IndexFactory indexFactory,
                                            Function<VectorField, IndexConfig> indexConfigs) {
        return new HyperspatialDatabase(database, indexFactory, indexConfigs);
    }

    /** The storage layer. */
    public Database storage() {
        return database;
    }

    public Collection collection(String name) {
        return database.collection(name);
    }

    /**
     * The indexer of a collection, started (its indexes built from a snapshot) on first call.
     * Later calls return the same running indexer.
     */
    public CollectionIndexer indexer(String collection) {
        Collection c = database.collection(collection);
        return indexers.computeIfAbsent(collection, n -> CollectionIndexer.start(c, indexFactory, indexConfigs));
    }

    /** Stops the collection's indexer, then drops the collection and its files. */
    public void dropCollection(String name) {
        CollectionIndexer indexer = indexers.remove(name);
        if (indexer != null) {
            indexer.close();
        }
        database.dropCollection(name);
    }

    /** Stops every indexer, then closes the storage. */
    @Override
    public void close() {
        try {
            indexers.values().forEach(CollectionIndexer::close);
            indexers.clear();
        } finally {
            database.close();
        }
    }
}
