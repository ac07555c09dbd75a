package io.hyperspatial.core.geometry;

import io.hyperspatial.core.geometry.FrechetMean.Estimate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Known means, the centroid's bias, the iteration cap and argument checks. */
class FrechetMeanTest {
    private final FrechetMean means = new FrechetMean(1);

    @Test
    void symmetricPointsAverageToTheCentre() {
        double[][] points = {{0.9, 0}, {-0.9, 0}, {0, 0.9}, {0, -0.9}};
        Estimate e = means.poincare(points);
        assertThat(e.converged()).isTrue();
        assertThat(e.point()).containsExactly(new double[] {0, 0}, within(1e-15));
        assertThat(means.poincareCentroid(points, new double[] {1, 1, 1, 1})).containsExactly(new double[] {0, 0}, within(1e-15));
    }

    @Test
    void theCentroidIsADifferentMeanPulledTowardFarPoints() {
        // three points on a line at signed distances 0, 1 and 6 from the origin: the Fréchet mean of
        // a line is the arithmetic mean of the positions, 7/3; the centroid lands elsewhere
        LorentzModel m = LorentzModel.UNIT;
        double[][] points = {m.origin(1), m.fromSpace(new double[] {Math.sinh(1)}), m.fromSpace(new double[] {Math.sinh(6)})};
        double[] weights = {1, 1, 1};
        Estimate e = means.lorentz(points, weights);
        assertThat(m.distance(m.origin(1), e.point())).isCloseTo(7.0 / 3, within(1e-10));
        assertThat(m.distance(m.origin(1), means.lorentzCentroid(points, weights))).isGreaterThan(7.0 / 3 + 0.5);
    }

    @Test
    void zeroWeightsIgnorePoints() {
        double[][] points = {{0.5, 0}, {-0.5, 0.5}, {0, 0.3}};
        Estimate e = means.poincare(points, new double[] {0, 2, 0});
        assertThat(PoincareBall.UNIT.distance(e.point(), points[1])).isLessThan(1e-12);
    }

    @Test
    void stopsAtTheIterationCapAndSaysSo() {
        double[][] points = {{0.99, 0}, {0, 0.999}, {-0.5, -0.5}};
        Estimate capped = new FrechetMean(1, 1e-12, 1).poincare(points);
        assertThat(capped.iterations()).isEqualTo(1);
        assertThat(capped.converged()).isFalse();
        assertThat(capped.gradientNorm()).isGreaterThan(1e-12);
        Estimate full = means.poincare(points);
        assertThat(full.converged()).isTrue();
        assertThat(full.gradientNorm()).isLessThanOrEqualTo(FrechetMean.DEFAULT_TOLERANCE);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> means.poincare(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points is empty");
        assertThatThrownBy(() -> means.poincare(new double[][] {{0.1}, {0.2}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weights has 1 entries for 2 points");
        assertThatThrownBy(() -> means.poincare(new double[][] {{0.1}, {0.2}}, new double[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[1] is -1.0");
        assertThatThrownBy(() -> means.poincare(new double[][] {{0.1}, {0.2}}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights sum to 0.0");
        assertThatThrownBy(() -> means.poincare(new double[][] {{0.1}, {0.2, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("points[1] has dimension 2 but points[0] has dimension 1");
        assertThatThrownBy(() -> means.poincare(new double[][] {{0.1}, {1.5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("points[1]: p is not inside the Poincaré ball");
        assertThatThrownBy(() -> means.lorentz(new double[][] {{1, 0}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("points[1] is not on the hyperboloid");
        assertThatThrownBy(() -> new FrechetMean(1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerance must be positive");
        assertThatThrownBy(() -> new FrechetMean(1, 1e-9, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxIterations must be at least 1");
    }
}
