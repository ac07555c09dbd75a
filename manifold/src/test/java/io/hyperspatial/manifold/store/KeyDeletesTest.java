package io.hyperspatial.manifold.store;

import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import java.util.ArrayList;
import java.util.List;

import static io.hyperspatial.manifold.store.ScratchStore.key;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link KeyDeletes}: range deletion key by key, which works with the row cache on. */
class KeyDeletesTest extends ScratchStoreTest {
    private static final int KEYS = 2 * KeyDeletes.CHUNK + 5_100;

    @Test
    void deletesExactlyTheRangeInChunksEachRecordingItsLastKeyInTheSameWrite() throws RocksDBException {
        assertThat(scratch.shared.rowCache()).as("the SMALL preset has a row cache").isNotNull();
        fill(KEYS);
        store.compactAll();
        List<Integer> lastKeys = new ArrayList<>();
        long deleted;
        try (WriteOptions w = new WriteOptions();
             KeyDeletes deletes = store.keyDeletes(w, (batch, last) -> {
                 lastKeys.add(Keys.getInt(last, 0));
                 batch.put(family, key(-1), last);
             })) {
            deletes.deleteRange(family, key(50), key(KEYS - 50));
            deleted = deletes.finish();
        }

        assertThat(deleted).isEqualTo(KEYS - 100);
        int chunk = KeyDeletes.CHUNK;
        assertThat(lastKeys).containsExactly(50 + chunk - 1, 50 + 2 * chunk - 1, KEYS - 51);
        List<Integer> left = keys();
        // key(-1), the progress mark, sorts last (0xFFFFFFFF)
        assertThat(left).hasSize(101).endsWith(-1);
        assertThat(left.subList(0, 50)).containsExactlyElementsOf(range(0, 50));
        assertThat(left.subList(50, 100)).containsExactlyElementsOf(range(KEYS - 50, KEYS));
        assertThat(Keys.getInt(store.db().get(family, key(-1)), 0)).isEqualTo(KEYS - 51);
    }

    @Test
    void anEmptyRangeWritesNothing() throws RocksDBException {
        fill(10);
        List<byte[]> writes = new ArrayList<>();
        try (WriteOptions w = new WriteOptions();
             KeyDeletes deletes = store.keyDeletes(w, (batch, last) -> writes.add(last))) {
            deletes.deleteRange(family, key(20), key(30));
            assertThat(deletes.finish()).isZero();
        }
        assertThat(writes).isEmpty();
        assertThat(keys()).containsExactlyElementsOf(range(0, 10));
    }

    private void fill(int n) throws RocksDBException {
        try (WriteBatch batch = new WriteBatch(); WriteOptions w = new WriteOptions()) {
            for (int k = 0; k < n; k++) {
                batch.put(family, key(k), key(k));
            }
            store.db().write(w, batch);
        }
    }

    private List<Integer> keys() {
        List<Integer> keys = new ArrayList<>();
        try (RocksIterator it = store.db().newIterator(family)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                keys.add(Keys.getInt(it.key(), 0));
            }
        }
        return keys;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
