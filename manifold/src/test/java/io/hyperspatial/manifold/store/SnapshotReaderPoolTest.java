package io.hyperspatial.manifold.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;

import static io.hyperspatial.manifold.store.ScratchStore.key;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link SnapshotReaderPool}: a reader is handed on only while it sees what a new snapshot would. */
class SnapshotReaderPoolTest extends ScratchStoreTest {
    private final SnapshotReaderPool pool = new SnapshotReaderPool();

    /** Runs before the store closes (a subclass's @AfterEach comes first). */
    @AfterEach
    void clearPool() {
        pool.clear();
    }

    @Test
    void aReaderGivenBackServesTheNextReadWhileNothingIsWrittenWithItsIterators() throws RocksDBException {
        scratch.put(1, 10);
        SnapshotReader first = pool.take(store);
        try (Cursor c = first.scan(family, key(0), null)) {
            assertThat(c.next()).isTrue();
        }
        pool.give(first);
        assertThat(pool.idle()).isEqualTo(1);

        SnapshotReader second = pool.take(store);
        assertThat(second).isSameAs(first);
        assertThat(second.idleIterators()).isEqualTo(1);
        assertThat(value(second, 1)).isEqualTo(10);
        pool.give(second);
    }

    @Test
    void aWriteMakesTheNextReadTakeANewSnapshotThatSeesIt() throws RocksDBException {
        scratch.put(1, 10);
        SnapshotReader before = pool.take(store);
        pool.give(before);
        scratch.put(1, 11);

        SnapshotReader after = pool.take(store);
        assertThat(after).isNotSameAs(before);
        assertThat(value(after, 1)).isEqualTo(11);
        assertThat(before.reusable()).as("the stale reader is closed").isFalse();
        assertThat(pool.idle()).isZero();
        pool.give(after);
    }

    @Test
    void aReaderWithACursorStillOpenIsClosedNotKept() throws RocksDBException {
        scratch.put(1, 10);
        SnapshotReader reader = pool.take(store);
        Cursor open = reader.scan(family, key(0), null);
        pool.give(reader);
        assertThat(pool.idle()).isZero();
        assertThat(reader.reusable()).isFalse();
        open.close();
    }

    @Test
    void concurrentReadsGetTheirOwnReadersAndAtMostAFewAreKept() {
        SnapshotReader[] taken = new SnapshotReader[SnapshotReaderPool.MAX_IDLE + 2];
        for (int i = 0; i < taken.length; i++) {
            taken[i] = pool.take(store);
            for (int j = 0; j < i; j++) {
                assertThat(taken[i]).isNotSameAs(taken[j]);
            }
        }
        for (SnapshotReader r : taken) {
            pool.give(r);
        }
        assertThat(pool.idle()).isEqualTo(SnapshotReaderPool.MAX_IDLE);
        assertThat(taken[taken.length - 1].reusable()).isFalse();
    }

    @Test
    void readersOlderThanTheirAgeLimitAreClosedByExpireAndNotHandedOn() throws RocksDBException {
        scratch.put(1, 10);
        SnapshotReader reader = pool.take(store);
        pool.give(reader);
        pool.expire(System.nanoTime() + SnapshotReaderPool.MAX_AGE_NANOS);
        assertThat(pool.idle()).isZero();
        assertThat(reader.reusable()).isFalse();
        SnapshotReader next = pool.take(store);
        assertThat(next).isNotSameAs(reader);
        pool.give(next);
        pool.clear();
        assertThat(next.reusable()).isFalse();
    }

    private int value(SnapshotReader reader, int k) {
        return Keys.getInt(reader.get(family, key(k)), 0);
    }
}
