package io.hyperspatial.manifold.store;

import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static io.hyperspatial.manifold.store.ScratchStore.key;
import static org.assertj.core.api.Assertions.assertThat;

/** Cursors of a {@link SnapshotReader}, whose native iterators are reused from scan to scan. */
class SnapshotReaderTest extends ScratchStoreTest {

    @Test
    void reusedIteratorsReadEveryRangeAsFreshOnesWouldAndSeeOnlyTheSnapshot() throws RocksDBException {
        SplittableRandom random = new SplittableRandom(17);
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            int k = random.nextInt(1_000);
            model.put(k, i);
            scratch.put(k, i);
        }
        try (SnapshotReader reader = new SnapshotReader(store)) {
            scratch.put(1_001, -1);
            scratch.put(model.firstKey(), -1);
            for (int round = 0; round < 100; round++) {
                int from = random.nextInt(1_000);
                int to = from + random.nextInt(100);
                try (Cursor c = reader.scan(family, key(from), key(to))) {
                    assertThat(read(c)).as("range %d..%d", from, to)
                            .isEqualTo(List.copyOf(model.subMap(from, to).values()));
                }
            }
            assertThat(reader.idleIterators()).isEqualTo(1);
        }
    }

    @Test
    void batchedReadsOfOneOrManyKeysSeeOnlyTheSnapshotInTheOrderAsked() throws RocksDBException {
        for (int k = 0; k < 10; k++) {
            scratch.put(k, k);
        }
        try (SnapshotReader reader = new SnapshotReader(store)) {
            scratch.put(3, -3);
            scratch.put(20, 20);
            assertThat(values(reader.getAll(family, List.of(key(3))))).containsExactly(3);
            assertThat(values(reader.getAll(family, List.of(key(20))))).containsExactly((Integer) null);
            assertThat(values(reader.getAll(family, List.of(key(7), key(20), key(3))))).containsExactly(7, null, 3);
            assertThat(reader.getAll(family, List.of())).isEmpty();
        }
    }

    private static List<Integer> values(List<byte[]> stored) {
        List<Integer> out = new ArrayList<>();
        for (byte[] v : stored) {
            out.add(v == null ? null : Keys.getInt(v, 0));
        }
        return out;
    }

    @Test
    void nestedCursorsGetTheirOwnIteratorsAndAtMostAFewAreKept() throws RocksDBException {
        for (int k = 0; k < 10; k++) {
            scratch.put(k, k);
        }
        try (SnapshotReader reader = new SnapshotReader(store)) {
            List<Cursor> open = new ArrayList<>();
            for (int i = 0; i < SnapshotReader.IDLE_ITERATORS + 2; i++) {
                Cursor c = reader.scan(family, key(i), null);
                assertThat(c.next()).isTrue();
                open.add(c);
            }
            for (int i = 0; i < open.size(); i++) {
                assertThat(Keys.getInt(open.get(i).key(), 0)).isEqualTo(i);
            }
            open.forEach(Cursor::close);
            open.getFirst().close();
            assertThat(reader.idleIterators()).isEqualTo(SnapshotReader.IDLE_ITERATORS);
            try (Cursor a = reader.scan(family, key(3), key(5)); Cursor b = reader.scan(family, key(7), null)) {
                assertThat(read(a)).containsExactly(3, 4);
                assertThat(read(b)).containsExactly(7, 8, 9);
            }
        }
    }

    @Test
    void aCursorRepositionedBeforeItsFirstStepReadsFromThere() throws RocksDBException {
        for (int k = 0; k < 10; k++) {
            scratch.put(k, k);
        }
        try (SnapshotReader reader = new SnapshotReader(store); Cursor c = reader.scan(family, key(0), key(8))) {
            c.seek(key(5));
            assertThat(read(c)).containsExactly(5, 6, 7);
            c.seek(key(2));
            assertThat(c.next()).isTrue();
            assertThat(Keys.getInt(c.key(), 0)).isEqualTo(2);
            assertThat(c.key()).isSameAs(c.key());
        }
    }

    private static List<Integer> read(Cursor c) {
        List<Integer> values = new ArrayList<>();
        while (c.next()) {
            values.add(Keys.getInt(c.value(), 0));
        }
        return values;
    }
}
