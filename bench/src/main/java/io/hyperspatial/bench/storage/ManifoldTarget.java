package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TableReads;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.value.ValueType;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Manifold under test: one collection, written through {@link Collection#write} (one transaction
 * per commit, {@link Durability#STRICT} when synced, {@link Durability#ASYNC} otherwise) and read
 * through {@link Collection#read} or a reused {@link ReadView}. Writes are thread-safe.
 */
final class ManifoldTarget implements StorageTarget {
    private final Collection collection;

    /** Wraps {@code collection}, declaring the benchmark's entity type and edge type in it. */
    ManifoldTarget(Collection collection) {
        this.collection = collection;
        collection.updateSchema(s -> s.entityType(EntitySpec.TYPE, Map.of(
                        "name", ValueType.STRING, "count", ValueType.INT64, "score", ValueType.FLOAT64,
                        "active", ValueType.BOOL, "seen", ValueType.TIMESTAMP))
                .edgeType(EntitySpec.EDGE));
    }

    Collection collection() {
        return collection;
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public void commit(EntitySpec entity, boolean sync) {
        collection.write(durability(sync), tx -> write(tx, entity));
    }

    @Override
    public void commitBatch(List<EntitySpec> entities, boolean sync) {
        List<UUID> ids = entities.stream().map(EntitySpec::id).toList();
        collection.write(durability(sync), tx -> {
            tx.prefetch(ids);     // one batched header read, as an importer does
            for (EntitySpec e : entities) {
                write(tx, e);
            }
        });
    }

    private static Durability durability(boolean sync) {
        return sync ? Durability.STRICT : Durability.ASYNC;
    }

    private static void write(Transaction tx, EntitySpec e) {
        UUID id = tx.upsertEntity(e.key(), EntitySpec.TYPE);
        if (!id.equals(e.id())) {
            throw new IllegalStateException("manifold gave key " + e.key() + " id " + id + ", the generator " + e.id());
        }
        tx.patchProperties(id, e.properties());
        tx.addEdge(id, EntitySpec.EDGE, e.previous(), e.weight());
    }

    @Override
    public EntityReader reader(ReadMode mode) {
        if (mode == ReadMode.PER_READ) {
            return new EntityReader() {
                @Override
                public int read(UUID id) {
                    return collection.read(view -> readEntity(view, id));
                }

                @Override
                public void close() {
                }
            };
        }
        ReadView view = collection.snapshot();
        return new EntityReader() {
            @Override
            public int read(UUID id) {
                return readEntity(view, id);
            }

            @Override
            public void close() {
                view.close();
            }
        };
    }

    private static int readEntity(TableReads view, UUID id) {
        if (view.entities().get(id).isEmpty()) {
            return -1;
        }
        return view.properties().all(id).size();
    }

    @Override
    public WalStats walStats() {
        try (Lease lease = collection.acquire()) {
            return WalStats.parse(lease.store().db().getProperty("rocksdb.dbstats"));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read rocksdb.dbstats: " + e.getMessage(), e);
        }
    }

    @Override
    public long awaitBackgroundWork() {
        try (Lease lease = collection.acquire()) {
            return BackgroundWork.await(lease.store().db(), families(lease.store()));
        }
    }

    @Override
    public JsonObject storeState() {
        try (Lease lease = collection.acquire()) {
            return StoreState.of(lease.store().db(), families(lease.store()));
        }
    }

    private static List<ColumnFamilyHandle> families(CollectionStore store) {
        return ColumnFamilies.FIXED.stream().map(store::family).toList();
    }

    @Override
    public long diskBytes() {
        try (Lease lease = collection.acquire()) {
            return BackgroundWork.directorySize(lease.store().dir());
        }
    }

    /** The collection belongs to its database, which closes it. */
    @Override
    public void close() {
    }
}
