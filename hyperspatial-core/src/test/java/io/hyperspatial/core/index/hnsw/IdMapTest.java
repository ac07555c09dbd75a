package io.hyperspatial.core.index.hnsw;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Random puts and removes against a HashMap model, through rehashes and backward-shift deletions. */
class IdMapTest {

    @Test
    void agreesWithAHashMapUnderRandomOperations() {
        SplittableRandom r = new SplittableRandom(5);
        IdMap map = new IdMap(4);
        Map<Integer, Integer> model = new HashMap<>();
        Map<Integer, Integer> liveOrdinals = new HashMap<>();
        int nextOrdinal = 0;
        for (int step = 0; step < 50_000; step++) {
            int id = r.nextInt(3000) * (r.nextBoolean() ? 1 : 65_536);
            if (r.nextInt(3) == 0) {
                Integer removed = model.remove(id);
                assertThat(map.remove(id)).isEqualTo(removed == null ? -1 : removed);
                if (removed != null) {
                    liveOrdinals.remove(removed);
                }
            } else {
                int ordinal = nextOrdinal++;
                Integer previous = model.put(id, ordinal);
                assertThat(map.put(id, ordinal)).isEqualTo(previous == null ? -1 : previous);
                if (previous != null) {
                    liveOrdinals.remove(previous);
                }
                liveOrdinals.put(ordinal, id);
            }
        }

        assertThat(map.size()).isEqualTo(model.size());
        model.forEach((id, ordinal) -> assertThat(map.ordinal(id)).isEqualTo(ordinal));
        for (int ordinal = 0; ordinal < nextOrdinal; ordinal++) {
            assertThat(map.id(ordinal)).isEqualTo(liveOrdinals.getOrDefault(ordinal, -1));
        }
        RoaringBitmap some = new RoaringBitmap();
        model.keySet().stream().limit(100).forEach(some::add);
        some.add(1_999_999_999);
        int[] into = new int[200];
        int n = map.ordinals(some, into);
        assertThat(n).isEqualTo(100);
        for (int i = 0; i < n; i++) {
            assertThat(some.contains(map.id(into[i]))).isTrue();
        }
    }
}
