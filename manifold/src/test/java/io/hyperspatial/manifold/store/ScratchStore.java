package io.hyperspatial.manifold.store;

import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

import java.nio.file.Path;

/** A collection store of its own for store-level tests, with int keys and values in one family. */
final class ScratchStore implements AutoCloseable {
    final CollectionStore store;
    final ColumnFamilyHandle family;
    final SharedResources shared;

    ScratchStore(Path dir) {
        DatabaseOptions options = DatabaseOptions.preset(StoragePreset.SMALL);
        shared = new SharedResources(options);
        store = CollectionStore.open(dir, options, shared, true);
        family = store.family(ColumnFamilies.PROPERTIES);
    }

    /** Writes {@code v} under key {@code k}, straight to the store. */
    void put(int k, int v) throws RocksDBException {
        byte[] value = new byte[4];
        Keys.putInt(value, 0, v);
        try (WriteOptions w = new WriteOptions()) {
            store.db().put(family, w, key(k), value);
        }
    }

    static byte[] key(int k) {
        byte[] b = new byte[4];
        Keys.putInt(b, 0, k);
        return b;
    }

    @Override
    public void close() {
        store.close();
        shared.close();
    }
}
