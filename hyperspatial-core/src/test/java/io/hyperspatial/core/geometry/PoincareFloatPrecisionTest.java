package io.hyperspatial.core.geometry;

import io.hyperspatial.core.geometry.PoincareFloatPrecision.Pairs;
import io.hyperspatial.core.geometry.PoincareFloatPrecision.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The claims docs/geometry.md draws from {@link PoincareFloatPrecision}: float32 vectors are good to
 * 1e-3 relative up to radius 0.999, and the index's float32 score adds next to nothing to the error
 * of rounding the coordinates.
 */
class PoincareFloatPrecisionTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.99, 0.999})
    void float32IsGoodToATenthOfAPercentUpToRadius0999(double radius) {
        for (Pairs kind : Pairs.values()) {
            Row row = PoincareFloatPrecision.measure(radius, kind, 500, 11);
            assertThat(row.outside()).isZero();
            assertThat(row.index().max()).as("%s", row).isLessThan(1e-3);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.99, 0.999, 0.9999, 0.99999})
    void theIndexScoreAddsLittleToTheRoundingOfTheCoordinates(double radius) {
        for (Pairs kind : Pairs.values()) {
            Row row = PoincareFloatPrecision.measure(radius, kind, 500, 12);
            assertThat(row.index().median()).as("%s", row).isLessThan(2 * row.storage().median() + 1e-6);
            assertThat(row.index().max()).as("%s", row).isLessThan(2 * row.storage().max() + 1e-6);
        }
    }

    /** The Lorentz index keeps the radius: a parent and child far out are many times more precise than in the ball. */
    @ParameterizedTest
    @ValueSource(doubles = {0.999, 0.9999, 0.99999})
    void theLorentzIndexResolvesRadialPairsBetterThanTheBall(double radius) {
        Row row = PoincareFloatPrecision.measure(radius, Pairs.RADIAL, 500, 14);
        assertThat(row.lorentzIndex().max()).as("%s", row).isLessThan(row.index().max() / 5);
        assertThat(row.lorentzIndex().median()).as("%s", row).isLessThan(row.index().median() / 5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.9999, 0.9999999})
    void pairsAreOnTheSphereAndClosePairsATenthApart(double radius) {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100; i++) {
            double[][] close = PoincareFloatPrecision.pair(random, radius, Pairs.CLOSE);
            double[][] far = PoincareFloatPrecision.pair(random, radius, Pairs.RANDOM);
            for (double[] p : new double[][] {close[0], close[1], far[0], far[1]}) {
                assertThat(Vectors.norm(p)).isCloseTo(radius, within(1e-15));
            }
            assertThat(PoincareBall.UNIT.distance(close[0], close[1])).isCloseTo(0.1, within(1e-3));
            assertThat(PoincareBall.UNIT.distance(far[0], far[1])).isGreaterThan(1);
        }
    }
}
