package io.hyperspatial.manifold.store;

import org.junit.jupiter.api.Test;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

import java.util.List;

import static io.hyperspatial.manifold.store.ScratchStore.key;
import static org.assertj.core.api.Assertions.assertThat;

/** The row cache: point reads of rows in table files fill it, and it never hides a later write. */
class RowCacheTest extends ScratchStoreTest {

    @Test
    void pointReadsFillItAndStillSeeLaterWritesAndOlderSnapshots() throws RocksDBException {
        for (int k = 0; k < 1_000; k++) {
            scratch.put(k, k);
        }
        store.compactAll();
        assertThat(scratch.shared.rowCacheUsage()).isZero();

        for (int k = 0; k < 1_000; k++) {
            assertThat(value(k)).isEqualTo(k);
        }
        assertThat(store.db().multiGetAsList(List.of(family, family), List.of(key(3), key(4))))
                .extracting(v -> Keys.getInt(v, 0)).containsExactly(3, 4);
        assertThat(scratch.shared.rowCacheUsage()).isPositive();

        try (Snapshot before = store.db().getSnapshot();
             ReadOptions old = new ReadOptions().setSnapshot(before)) {
            scratch.put(5, -5);
            assertThat(value(5)).as("a write in the memtable").isEqualTo(-5);
            store.compactAll();
            assertThat(value(5)).as("the same write, compacted into a new file").isEqualTo(-5);
            assertThat(Keys.getInt(store.db().get(family, old, key(5)), 0)).as("an older snapshot").isEqualTo(5);
            store.db().releaseSnapshot(before);
        }
        store.db().delete(family, key(6));
        store.compactAll();
        assertThat(store.db().get(family, key(6))).isNull();
    }

    private int value(int k) throws RocksDBException {
        return Keys.getInt(store.db().get(family, key(k)), 0);
    }
}
