package io.hyperspatial.core.geometry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Exact values, extreme points and argument checks of the Poincaré ball. */
class PoincareBallTest {
    private static final PoincareBall BALL = PoincareBall.UNIT;

    @Test
    void distanceFromTheOriginIsTwiceArtanhOfTheRadius() {
        assertThat(BALL.distance(new double[] {0, 0}, new double[] {0.5, 0})).isCloseTo(Math.log(3), within(1e-15));
        assertThat(BALL.distance(new double[] {0, 0, 0}, new double[] {0, 0, -0.5})).isCloseTo(Math.log(3), within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-12, 0.1, 0.5, 0.9, 0.99, 0.9999, 1 - 1e-7, 1 - 1e-10, 1 - 1e-15})
    void distanceAlongARadiusIsLogOfTheCrossRatio(double r) {
        // 2·artanh(r) = ln(1 + 2r/(1 − r)); 1 − r is exact for these doubles, so the reference is too.
        double expected = Math.log1p(2 * r / (1 - r));
        double d = BALL.distance(new double[] {0, 0}, new double[] {r, 0});
        assertThat(d).isCloseTo(expected, within(4 * Math.ulp(expected)));
        assertThat(BALL.distance(new double[] {-r, 0}, new double[] {r, 0})).isCloseTo(2 * expected, within(8 * Math.ulp(expected)));
    }

    @Test
    void distanceScalesWithTheCurvature() {
        PoincareBall ball = new PoincareBall(4);
        // radius 1/2; the point 0.25·e1 is √c·r = 0.5 of the way: d = (2/√c)·artanh(0.5) = ln(3)/2
        assertThat(ball.radius()).isEqualTo(0.5);
        assertThat(ball.distance(new double[] {0}, new double[] {0.25})).isCloseTo(Math.log(3) / 2, within(1e-15));
        assertThat(ball.conformalFactor(new double[] {0.25})).isCloseTo(2 / 0.75, within(1e-15));
    }

    @Test
    void closePointsKeepTheirRelativePrecision() {
        // d ≈ 2‖x − y‖/(1 − ‖x‖²) for close points; the acosh(1 + tiny) form would return 0 or noise here.
        double[] x = {0.3, 0.4};
        double[] y = {0.3, 0.4 + 1e-12};
        double expected = 2e-12 / (1 - 0.25);
        assertThat(BALL.distance(x, y)).isCloseTo(expected, within(expected * 1e-3));
    }

    @Test
    void farPointsNearTheBoundaryDoNotSaturate() {
        // the artanh(‖(−x) ⊕ y‖) form returns infinity here: ‖(−x) ⊕ y‖ rounds to 1
        double r = 1 - 1e-10;
        double[] x = {r, 0};
        double[] y = {0, -r};
        double d = BALL.distance(x, y);
        assertThat(d).isFinite().isCloseTo(2 * Math.log((1 + r) / (1 - r)) - Math.log(2), within(1e-5));
        double[] log = BALL.logMap(x, y);
        assertThat(BALL.norm(x, log)).isCloseTo(d, within(1e-9 * d));
    }

    @Test
    void identicalPointsNearTheBoundaryAreAtDistanceZero() {
        double[] x = {1 - 1e-15, 0};
        assertThat(BALL.distance(x, x.clone())).isZero();
        assertThat(BALL.logMap(x, x)).containsExactly(0, 0);
        assertThat(BALL.parallelTransport(x, x, new double[] {1e-16, 2e-16})).containsExactly(1e-16, 2e-16);
    }

    @Test
    void mobiusAdditionOnALineIsEinsteinAddition() {
        PoincareBall ball = new PoincareBall(2);
        // r ⊕ s = (r + s)/(1 + c·r·s) for collinear points
        assertThat(ball.mobiusAdd(new double[] {0.3, 0}, new double[] {0.2, 0})[0])
                .isCloseTo(0.5 / (1 + 2 * 0.06), within(1e-15));
        assertThat(ball.mobiusAdd(new double[] {0.3, 0}, new double[] {-0.3, 0})).containsExactly(0, 0);
    }

    @Test
    void expAtTheOriginIsTanh() {
        PoincareBall ball = new PoincareBall(0.25);
        double[] y = ball.expMap0(new double[] {0, 3});
        assertThat(y[0]).isZero();
        assertThat(y[1]).isCloseTo(Math.tanh(0.5 * 3) / 0.5, within(1e-15));
        assertThat(ball.logMap0(y)[1]).isCloseTo(3, within(1e-14));
    }

    @Test
    void overlongVelocitiesStopAtTheProjectionRadius() {
        double[] far = BALL.expMap(new double[] {0.5, 0}, new double[] {1e6, 0});
        assertThat(far[0]).isCloseTo(BALL.maxNorm(), within(1e-16)).isLessThan(1);
        double[] backward = BALL.expMap(new double[] {0.5, 0}, new double[] {-1e300, 1e300});
        assertThat(Vectors.norm(backward)).isCloseTo(BALL.maxNorm(), within(1e-15));
    }

    @Test
    void projectionPullsOutsidePointsInAndKeepsInsideOnes() {
        assertThat(BALL.project(new double[] {3, 4}))
                .containsExactly(new double[] {0.6 * BALL.maxNorm(), 0.8 * BALL.maxNorm()}, within(1e-16));
        assertThat(BALL.project(new double[] {0.3, 0.4})).containsExactly(0.3, 0.4);
        assertThat(BALL.project(new double[] {0, 0})).containsExactly(0, 0);
        assertThat(BALL.contains(BALL.project(new double[] {1, 0}))).isTrue();
    }

    @Test
    void transportAlongADiameterOnlyRescales() {
        // no rotation when x and y are on one line through the origin: P(v) = (λ_x/λ_y)·v
        double[] v = {0.1, 0.2};
        double[] p = BALL.parallelTransport(new double[] {0.5, 0}, new double[] {-0.2, 0}, v);
        double scale = (1 - 0.04) / (1 - 0.25);
        assertThat(p).containsExactly(new double[] {0.1 * scale, 0.2 * scale}, within(1e-15));
        assertThat(BALL.parallelTransport(new double[] {0, 0}, new double[] {0.5, 0.5}, v))
                .containsExactly(new double[] {0.05, 0.1}, within(1e-15));
    }

    @Test
    void rejectsPointsOnOrOutsideTheBoundary() {
        assertThatThrownBy(() -> BALL.distance(new double[] {1, 0}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x is not inside the Poincaré ball");
        assertThatThrownBy(() -> new PoincareBall(4).logMap(new double[] {0}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y is not inside");
        assertThat(BALL.contains(new double[] {0.6, 0.8})).isFalse();
        assertThat(BALL.contains(new double[] {0.6, 0.7999999})).isTrue();
    }

    @Test
    void rejectsNonFiniteCoordinatesAndMismatchedDimensions() {
        assertThatThrownBy(() -> BALL.distance(new double[] {0, Double.NaN}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x[1] is NaN; coordinates must be finite");
        assertThatThrownBy(() -> BALL.mobiusAdd(new double[] {0, 0}, new double[] {Double.POSITIVE_INFINITY, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y[0] is Infinity");
        assertThatThrownBy(() -> BALL.distance(new double[] {0, 0}, new double[] {0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x has dimension 2 but y has dimension 3");
        assertThatThrownBy(() -> BALL.parallelTransport(new double[] {0}, new double[] {0}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x has dimension 1 but v has dimension 2");
        assertThatThrownBy(() -> BALL.distance(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x has no coordinates");
        assertThatThrownBy(() -> BALL.geodesic(new double[] {0}, new double[] {0.5}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t must be finite");
        assertThatThrownBy(() -> BALL.distance(null, new double[] {0}))
                .isInstanceOf(NullPointerException.class).hasMessage("x");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsCurvaturesThatAreNotPositive(double c) {
        assertThatThrownBy(() -> new PoincareBall(c))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c must be positive and finite");
    }
}
