package io.hyperspatial.bench.hyperql;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.query.CollectionDataSource;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.PreparedStatement;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.value.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hyperspatial in process: a {@link HyperspatialDatabase} (storage preset {@code default}: 256 MiB
 * block cache) with one collection, queried through HyperQL's {@link Engine} over a
 * {@link CollectionDataSource}. The tables are created with SQL DDL (so the primary key and the
 * index on {@code val} are property indexes, and {@code emb} is a vector field); the rows are
 * written with {@link Collection#bulkWrite}, 10,000 entities per commit (their headers prefetched in
 * one batch, as an importer does), which keeps the property
 * indexes in the same write, then compacted ({@link Collection#compact()}, as after any bulk load:
 * the peers likewise build their secondary index and ANALYZE after the rows), and the HNSW index of {@code emb} (defaults: m 16,
 * ef_construction 200) is then built by starting the collection's indexer. Entity keys are
 * {@code item:<id>} and {@code owner:<id>}, the keys SQL INSERT derives from the primary key, so lookups by
 * {@code id} read each row with one point read. Not thread-safe.
 */
final class HyperspatialSubject implements QuerySubject {
    static final String COLLECTION = "bench";
    private static final int BATCH = 10_000;

    private final HyperspatialDatabase database;
    private final Collection collection;
    private final Engine engine;
    private final boolean vectorIndex;

    private HyperspatialSubject(HyperspatialDatabase database, boolean vectorIndex) {
        this.database = database;
        this.vectorIndex = vectorIndex;
        this.collection = database.storage().createCollection(COLLECTION);
        this.engine = new Engine(new CollectionDataSource(collection, () -> database.indexer(COLLECTION),
                Durability.ASYNC));
    }

    /**
     * Opens a fresh database under {@code dir}; index snapshots are not written. Without
     * {@code vectorIndex} the load does not start the collection's indexer, so the HNSW index of
     * {@code emb} is not built (for runs without the k-NN query; a k-NN query would start it).
     */
    static HyperspatialSubject open(Path dir, boolean vectorIndex) {
        Database storage = Database.open(dir, DatabaseOptions.preset(StoragePreset.DEFAULT));
        return new HyperspatialSubject(HyperspatialDatabase.open(storage, HnswIndex::new,
                CollectionIndexer::defaultConfig), vectorIndex);
    }

    @Override
    public String name() {
        return "hyperspatial";
    }

    /** The engine, for plan checks. */
    Engine engine() {
        return engine;
    }

    @Override
    public LoadResult load(BenchDataset data) {
        long start = System.nanoTime();
        engine.executeScript("""
                CREATE TABLE item(id INTEGER PRIMARY KEY, val INTEGER NOT NULL, name TEXT, cat INTEGER, owner INTEGER,
                                  emb VECTOR(%d));
                CREATE INDEX item_val ON item(val);
                CREATE TABLE owner(id INTEGER PRIMARY KEY, name TEXT, region INTEGER);
                """.formatted(data.dim()));
        List<BenchDataset.Item> batch = new ArrayList<>(BATCH);
        data.forEachItem(item -> {
            batch.add(item);
            if (batch.size() == BATCH) {
                writeItems(batch);
                batch.clear();
            }
        });
        writeItems(batch);
        List<BenchDataset.Owner> owners = new ArrayList<>();
        data.forEachOwner(owners::add);
        for (int from = 0; from < owners.size(); from += BATCH) {
            List<BenchDataset.Owner> chunk = owners.subList(from, Math.min(owners.size(), from + BATCH));
            collection.bulkWrite(Durability.ASYNC, tx -> chunk.forEach(o -> {
                UUID id = tx.upsertEntity("owner:" + o.id(), "owner");
                tx.patchProperties(id, Map.of("id", Value.of(o.id()), "name", Value.of(o.name()),
                        "region", Value.of(o.region())));
            }));
        }
        collection.compact();
        long rowsDone = System.nanoTime();
        if (vectorIndex) {
            CollectionIndexer indexer = database.indexer(COLLECTION);
            indexer.awaitApplied(collection.changes().lastSequence(), java.time.Duration.ofMinutes(30));
        }
        long end = System.nanoTime();
        return new LoadResult((end - start) / 1e9, (end - rowsDone) / 1e9,
                "SQL DDL, then Collection.bulkWrite with " + BATCH + " entities per commit (ASYNC, headers prefetched),"
                        + " then Collection.compact();"
                        + (vectorIndex ? " HNSW index of emb built when the indexer starts" : " no vector index (k-NN not run)"));
    }

    private void writeItems(List<BenchDataset.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        List<UUID> ids = items.stream().map(item -> collection.ids().forKey("item:" + item.id())).toList();
        collection.bulkWrite(Durability.ASYNC, tx -> {
            tx.prefetch(ids);
            items.forEach(item -> write(tx, item));
        });
    }

    private static void write(Transaction tx, BenchDataset.Item item) {
        UUID id = tx.upsertEntity("item:" + item.id(), "item");
        Map<String, Value> properties = new HashMap<>();
        properties.put("id", Value.of(item.id()));
        properties.put("val", Value.of(item.val()));
        properties.put("name", Value.of(item.name()));
        properties.put("cat", Value.of(item.cat()));
        properties.put("owner", Value.of(item.owner()));
        tx.patchProperties(id, properties);
        tx.setVector(id, "emb", item.emb());
    }

    @Override
    public PreparedQuery prepare(BenchQuery query) {
        PreparedStatement statement = engine.prepare(query.hyperql());
        return parameters -> ((StatementResult.Rows) statement.execute(parameters)).rows();
    }

    @Override
    public void close() {
        database.close();
    }
}
