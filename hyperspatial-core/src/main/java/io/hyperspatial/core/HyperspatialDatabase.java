package io.hyperspatial.core;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.hnsw.HnswOptions;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.HnswSnapshotCodec;
import io.hyperspatial.core.index.maintain.IndexFactory;
import io.hyperspatial.core.index.maintain.IndexSnapshots;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.core.positioning.IncrementalPositioner;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.VectorField;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Hyperspatial database: manifold storage plus the indexes kept over it. The storage is a
 * {@link Database}; each collection's dense vector fields get HNSW indexes the first time the
 * collection is searched ({@link #indexer}), which then follow the collection's change feed.
 *
 * <p><b>Index snapshots.</b> Opened with snapshots (as {@link #open(Path, DatabaseOptions)}
 * does), the indexes of a collection are written to {@code DIR/indexes/COLLECTION/} when the
 * database closes and periodically as a {@link SnapshotPolicy} says, and the next start loads
 * them and replays the change feed after them instead of rebuilding (see
 * {@link IndexSnapshots}). A background thread checks every collection's policy about once a
 * second. The full-precision vectors of quantized indexes are mapped from files in
 * {@code DIR/indexes} too (unlinked as soon as they are opened, so nothing is left after a crash),
 * which keeps them on the database's disk rather than in a temporary directory that may be RAM.
 *
 * <p>Thread-safe; close it to write the last snapshots, stop indexing and close the storage.
 */
public final class HyperspatialDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HyperspatialDatabase.class.getName());
    private static final Duration MAX_CHECK = Duration.ofSeconds(1);
    private static final Duration MIN_CHECK = Duration.ofMillis(50);

    private final Database database;
    private final IndexFactory indexFactory;
    private final HnswSnapshotCodec codec;
    private final Function<VectorField, IndexConfig> indexConfigs;
    private final SnapshotPolicy policy;
    private final boolean snapshots;
    private final Map<String, CollectionIndexer> indexers = new ConcurrentHashMap<>();
    private final Map<String, IncrementalPositioner> positioners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService snapshotter;

    private HyperspatialDatabase(Database database, IndexFactory indexFactory, HnswSnapshotCodec codec,
                                 Function<VectorField, IndexConfig> indexConfigs, SnapshotPolicy policy) {
        this.database = database;
        this.indexFactory = indexFactory;
        this.codec = codec;
        this.indexConfigs = indexConfigs;
        this.snapshots = policy != null;
        this.policy = policy != null ? policy : SnapshotPolicy.AT_SHUTDOWN;
        if (snapshots) {
            removeOrphanSnapshots();
        }
        if (snapshots && (!this.policy.interval().isZero() || this.policy.events() > 0)) {
            this.snapshotter = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hyperspatial-index-snapshots-" + database.root().getFileName());
                t.setDaemon(true);
                return t;
            });
            long every = checkPeriod(this.policy).toMillis();
            snapshotter.scheduleWithFixedDelay(this::snapshotDue, every, every, TimeUnit.MILLISECONDS);
        } else {
            this.snapshotter = null;
        }
    }

    /**
     * Opens the database in {@code dir} with HNSW indexes of default configuration, snapshotted
     * under {@code dir/indexes} by {@link SnapshotPolicy#DEFAULT}.
     */
    public static HyperspatialDatabase open(Path dir, DatabaseOptions options) {
        return open(Database.open(dir, options), CollectionIndexer::defaultConfig, SnapshotPolicy.DEFAULT);
    }

    /**
     * Wraps an open storage database with HNSW indexes configured by {@code indexConfigs} and
     * snapshotted under {@code ROOT/indexes} by {@code policy}; the facade takes ownership of the
     * storage and closes it.
     */
    public static HyperspatialDatabase open(Database database, Function<VectorField, IndexConfig> indexConfigs,
                                            SnapshotPolicy policy) {
        Path vectors = IndexSnapshots.root(database.root());
        try {
            Files.createDirectories(vectors);
        } catch (IOException e) {
            database.close();
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot create the index directory " + vectors + ": " + e, e);
        }
        HnswOptions options = HnswOptions.DEFAULT.withVectorDirectory(vectors);
        return new HyperspatialDatabase(database, config -> new HnswIndex(config, options),
                HnswSnapshotCodec.withVectorDirectory(vectors), indexConfigs, policy);
    }

    /**
     * Wraps an open storage database with indexes from any factory, built at every start and
     * never written to disk; the facade takes ownership of the storage and closes it.
     */
    public static HyperspatialDatabase open(Database database, IndexFactory indexFactory,
                                            Function<VectorField, IndexConfig> indexConfigs) {
        return new HyperspatialDatabase(database, indexFactory, HnswSnapshotCodec.INSTANCE, indexConfigs, null);
    }

    /** The storage layer. */
    public Database storage() {
        return database;
    }

    public Collection collection(String name) {
        return database.collection(name);
    }

    /**
     * The indexer of a collection, started on first call (its indexes loaded from snapshots or
     * built) together with its {@link IncrementalPositioner}, which places new entities in the
     * collection's graph position space as they arrive. Later calls return the same running indexer.
     */
    public CollectionIndexer indexer(String collection) {
        Collection c = database.collection(collection);
        positioners.computeIfAbsent(collection, n -> IncrementalPositioner.start(c));
        return indexers.computeIfAbsent(collection, n -> snapshots
                ? CollectionIndexer.start(c, indexFactory, indexConfigs, snapshotsOf(n), policy)
                : CollectionIndexer.start(c, indexFactory, indexConfigs));
    }

    /** The collection's indexer if it has been started, without starting it (which may load or build indexes). */
    public Optional<CollectionIndexer> startedIndexer(String collection) {
        return Optional.ofNullable(indexers.get(collection));
    }

    private IndexSnapshots snapshotsOf(String collection) {
        return new IndexSnapshots(IndexSnapshots.directory(database.root(), collection), collection, codec);
    }

    /** Stops the collection's indexer, then drops the collection, its files and its index snapshots. */
    public void dropCollection(String name) {
        IncrementalPositioner positioner = positioners.remove(name);
        if (positioner != null) {
            positioner.close();
        }
        CollectionIndexer indexer = indexers.remove(name);
        if (indexer != null) {
            indexer.discard();
        }
        database.dropCollection(name);
        if (snapshots) {
            snapshotsOf(name).delete();
        }
    }

    /** Stops the snapshot thread, closes every indexer (each writes its last snapshots), then the storage. */
    @Override
    public void close() {
        try {
            if (snapshotter != null) {
                snapshotter.shutdown();
                awaitTermination(snapshotter);
            }
            positioners.values().forEach(IncrementalPositioner::close);
            positioners.clear();
            indexers.values().forEach(CollectionIndexer::close);
            indexers.clear();
        } finally {
            database.close();
        }
    }

    /** Deletes the snapshots of collections that no longer exist (dropped while the facade was not running). */
    private void removeOrphanSnapshots() {
        Path dir = IndexSnapshots.root(database.root());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> collections = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path c : collections) {
                String name = c.getFileName().toString();
                if (database.findCollection(name).isEmpty()) {
                    LOG.info(() -> "deleting index snapshots of collection '" + name + "', which no longer exists");
                    snapshotsOf(name).delete();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list index snapshots in " + dir, e);
        }
    }

    private void snapshotDue() {
        for (CollectionIndexer indexer : indexers.values()) {
            try {
                indexer.snapshotIfDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "index snapshot check failed", e);
            }
        }
    }

    /** Half the interval, within [50 ms, 1 s]; 1 s when only the event count triggers. */
    private static Duration checkPeriod(SnapshotPolicy policy) {
        if (policy.interval().isZero()) {
            return MAX_CHECK;
        }
        Duration half = policy.interval().dividedBy(2);
        return half.compareTo(MIN_CHECK) < 0 ? MIN_CHECK : half.compareTo(MAX_CHECK) > 0 ? MAX_CHECK : half;
    }

    private static void awaitTermination(ScheduledExecutorService executor) {
        try {
            if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.warning("index snapshot thread did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
