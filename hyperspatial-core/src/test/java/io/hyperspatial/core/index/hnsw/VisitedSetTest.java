package io.hyperspatial.core.index.hnsw;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generation-stamped visited set: per-search forgetting, the stamp wrap, growth. */
class VisitedSetTest {

    @Test
    void aVisitCountsOncePerSearch() {
        VisitedSet set = new VisitedSet(100);
        set.clear(100);
        assertThat(set.visit(7)).isTrue();
        assertThat(set.visit(7)).isFalse();
        assertThat(set.visit(8)).isTrue();
        set.clear(100);
        assertThat(set.visit(7)).isTrue();
        assertThat(set.visit(8)).isTrue();
    }

    @Test
    void noVisitOutlivesTheWrapOfItsStamp() {
        VisitedSet set = new VisitedSet(10);
        set.clear(10);
        assertThat(set.visit(5)).isTrue();
        // 65,535 searches later the 16-bit stamp has come round to the value it had when 5 was
        // visited; nothing since has touched 5, so only the wipe at the wrap keeps it unvisited.
        for (int search = 1; search < 65_535; search++) {
            set.clear(10);
            assertThat(set.visit(search % 5)).isTrue();
        }
        set.clear(10);
        assertThat(set.visit(5)).isTrue();
        assertThat(set.visit(5)).isFalse();
        assertThat(set.visit(0)).isTrue();
    }

    @Test
    void growsForOrdinalsBeyondItsCapacityAndKeepsItsVisits() {
        VisitedSet set = new VisitedSet(4);
        set.clear(4);
        assertThat(set.visit(2)).isTrue();
        assertThat(set.visit(1_000)).isTrue();
        assertThat(set.visit(1_000)).isFalse();
        assertThat(set.visit(2)).isFalse();
        set.clear(5_000);
        assertThat(set.visit(4_999)).isTrue();
        assertThat(set.visit(2)).isTrue();
    }
}
