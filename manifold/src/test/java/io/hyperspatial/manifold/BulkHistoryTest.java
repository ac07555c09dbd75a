package io.hyperspatial.manifold;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BulkHistoryTest {
    @Test
    void everyAddedIdMayExistAndFewOthersDo() {
        BulkHistory h = new BulkHistory(null, 0);
        SplittableRandom random = new SplittableRandom(7);
        UUID[] added = new UUID[300_000]; // five segments
        for (int i = 0; i < added.length; i++) {
            added[i] = new UUID(random.nextLong(), random.nextLong());
            h.add(added[i]);
        }
        for (UUID id : added) {
            assertThat(h.mayExist(id)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (h.mayExist(new UUID(random.nextLong(), random.nextLong()))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("about 1%% per segment, a few segments").isLessThan(5_000);
    }

    @Test
    void sequentialIdsAreSpreadToo() {
        BulkHistory h = new BulkHistory(null, 0);
        for (long i = 0; i < 100_000; i++) {
            h.add(new UUID(0, i));
        }
        int falsePositives = 0;
        for (long i = 100_000; i < 200_000; i++) {
            if (h.mayExist(new UUID(0, i))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).isLessThan(3_000);
        assertThat(h.mayExist(new UUID(0, 99_999))).isTrue();
    }

    @Test
    void itContinuesOnlyOverTheSameStoreWithNothingBegunSince() {
        BulkHistory h = new BulkHistory(null, 5);
        assertThat(h.continues(null, 5)).isTrue();
        assertThat(h.continues(null, 6)).isFalse();
        h.committed(6);
        assertThat(h.continues(null, 6)).isTrue();
    }
}
