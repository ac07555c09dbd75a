package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.table.PropertyRow;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: the same rows as manifold writes, put into a plain {@link RawRocksStore} with one
 * {@code WriteBatch} per commit ({@code sync} = {@code WriteOptions.setSync}), and read back with
 * {@code db.get} of the header plus a prefix iterator over the property rows (values left as
 * bytes). Writes are thread-safe.
 */
final class RawRocksTarget implements StorageTarget {
    private final RawRocksStore store;
    private final RowEncoder encoder;
    private final AtomicLong sequence = new AtomicLong();
    private final WriteOptions synced = new WriteOptions().setSync(true);
    private final WriteOptions unsynced = new WriteOptions().setSync(false);

    RawRocksTarget(RawRocksStore store, Schema schema) {
        this.store = store;
        this.encoder = new RowEncoder(store, schema);
    }

    @Override
    public String name() {
        return "raw_rocksdb";
    }

    @Override
    public void commit(EntitySpec entity, boolean sync) {
        commitBatch(List.of(entity), sync);
    }

    @Override
    public void commitBatch(List<EntitySpec> entities, boolean sync) {
        try (WriteBatch batch = new WriteBatch()) {
            encoder.encode(batch, entities, sequence.incrementAndGet());
            store.db().write(sync ? synced : unsynced, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("raw RocksDB write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public EntityReader reader(ReadMode mode) {
        RocksDB db = store.db();
        Snapshot snapshot = mode == ReadMode.SHARED_VIEW ? db.getSnapshot() : null;
        ReadOptions options = new ReadOptions();
        if (snapshot != null) {
            options.setSnapshot(snapshot);
        }
        return new EntityReader() {
            @Override
            public int read(UUID id) {
                byte[] row;
                try {
                    row = db.get(store.entities(), options, Keys.uuid(id));
                } catch (RocksDBException e) {
                    throw new IllegalStateException("raw RocksDB read failed: " + e.getMessage(), e);
                }
                if (row == null) {
                    return -1;
                }
                int n = 0;
                for (PropertyRow properties = new PropertyRow().reset(row); properties.next(); ) {
                    n++;
                }
                return n;
            }

            @Override
            public void close() {
                options.close();
                if (snapshot != null) {
                    db.releaseSnapshot(snapshot);
                    snapshot.close();
                }
            }
        };
    }

    @Override
    public WalStats walStats() {
        try {
            return WalStats.parse(store.db().getProperty("rocksdb.dbstats"));
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read rocksdb.dbstats: " + e.getMessage(), e);
        }
    }

    @Override
    public long awaitBackgroundWork() {
        return BackgroundWork.await(store.db(), store.families());
    }

    @Override
    public JsonObject storeState() {
        return StoreState.of(store.db(), store.families());
    }

    @Override
    public long diskBytes() {
        return BackgroundWork.directorySize(store.dir());
    }

    @Override
    public void close() {
        unsynced.close();
        synced.close();
        store.close();
    }
}
