package io.hyperspatial.core.index;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IdSlotsTest {

    /** Random puts and removes against a HashMap; a small id range forces long probe runs and wrap-around. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void behavesLikeAMap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        IdSlots slots = new IdSlots();
        Map<Integer, Integer> model = new HashMap<>();
        // Seed 3 spreads ids over nearly the whole non-negative int range.
        int scale = seed == 3 ? 400_000 : 1;
        for (int op = 0; op < 50_000; op++) {
            int id = scale * random.nextInt(300);
            if (random.nextInt(3) == 0) {
                Integer expected = model.remove(id);
                assertThat(slots.remove(id)).isEqualTo(expected == null ? -1 : expected);
            } else {
                int slot = random.nextInt(1_000_000);
                model.put(id, slot);
                slots.put(id, slot);
            }
            assertThat(slots.size()).isEqualTo(model.size());
            int probe = scale * random.nextInt(300);
            assertThat(slots.get(probe)).isEqualTo(model.getOrDefault(probe, -1));
        }
        model.forEach((id, slot) -> assertThat(slots.get(id)).isEqualTo(slot));
    }

    @Test
    void aNegativeIdIsNeverFoundNorRemoved() {
        IdSlots slots = new IdSlots();
        slots.put(3, 0);
        assertThat(slots.get(-1)).isEqualTo(-1);
        assertThat(slots.remove(-1)).isEqualTo(-1);
        assertThat(slots.size()).isEqualTo(1);
        assertThat(slots.get(3)).isZero();
    }
}
