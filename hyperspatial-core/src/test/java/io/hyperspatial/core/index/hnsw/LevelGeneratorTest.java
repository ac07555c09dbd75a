package io.hyperspatial.core.index.hnsw;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LevelGeneratorTest {

    @Test
    void eachLevelHoldsAboutOneMthOfTheOneBelow() {
        int m = 16;
        LevelGenerator levels = new LevelGenerator(m, 3);
        int draws = 400_000;
        int[] reached = new int[LevelGenerator.MAX_LEVEL + 1];
        for (int i = 0; i < draws; i++) {
            int level = levels.next();
            for (int l = 0; l <= level; l++) {
                reached[l]++;
            }
        }
        assertThat(reached[0]).isEqualTo(draws);
        assertThat((double) reached[1] / draws).isCloseTo(1.0 / m, within(0.003));
        assertThat((double) reached[2] / draws).isCloseTo(1.0 / (m * m), within(0.0008));
    }

    @Test
    void theSameSeedDrawsTheSameLevels() {
        LevelGenerator a = new LevelGenerator(8, 99);
        LevelGenerator b = new LevelGenerator(8, 99);
        LevelGenerator c = new LevelGenerator(8, 100);
        boolean differs = false;
        for (int i = 0; i < 1000; i++) {
            int la = a.next();
            assertThat(b.next()).isEqualTo(la);
            differs |= c.next() != la;
        }
        assertThat(differs).isTrue();
    }
}
