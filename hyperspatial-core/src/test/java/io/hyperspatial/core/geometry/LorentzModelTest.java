package io.hyperspatial.core.geometry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Exact values, far-out points and argument checks of the hyperboloid. */
class LorentzModelTest {
    private static final LorentzModel UNIT = LorentzModel.UNIT;

    /** The point at distance r from the origin along the first space axis, curvature −c. */
    private static double[] along(double c, double r) {
        double s = Math.sqrt(c);
        return new double[] {Math.cosh(s * r) / s, Math.sinh(s * r) / s, 0};
    }

    @Test
    void originAndMinkowskiProduct() {
        assertThat(new LorentzModel(4).origin(2)).containsExactly(0.5, 0, 0);
        assertThat(UNIT.inner(new double[] {2, 1, 3}, new double[] {1, 4, -1})).isEqualTo(-2 + 4 - 3);
    }

    @Test
    void distanceAlongAnAxisIsTheArcLength() {
        for (double c : new double[] {0.5, 1, 3}) {
            LorentzModel m = new LorentzModel(c);
            assertThat(m.distance(m.origin(2), along(c, 2.5))).isCloseTo(2.5, within(1e-14));
            assertThat(m.distance(along(c, -1), along(c, 2))).isCloseTo(3, within(1e-14));
            assertThat(m.distance(along(c, -2), along(c, 2))).isCloseTo(4, within(1e-14));
            assertThat(m.distance(along(c, -1e-9), along(c, 1e-9))).isCloseTo(2e-9, within(1e-23));
        }
    }

    @Test
    void nearbyPointsFarOutKeepTheirDistance() {
        // at distance 30 from the origin x₀ ≈ 5e12; −⟨x,y⟩_L − 1 ≈ 5e-13 is below the rounding of ⟨x,y⟩_L ≈ −5e25
        double[] x = along(1, 30);
        double[] y = along(1, 30 + 1e-6);
        assertThat(UNIT.distance(x, y)).isCloseTo(1e-6, within(1e-13));
        double literal = HyperbolicFunctions.acosh(Math.max(1, -UNIT.inner(x, y)));
        assertThat(Math.abs(literal - 1e-6)).isGreaterThan(1e-7);
    }

    @Test
    void expAndLogAtTheOrigin() {
        LorentzModel m = new LorentzModel(4);
        double[] y = m.expMap0(new double[] {0, 0, 1.5});
        assertThat(y).containsExactly(new double[] {Math.cosh(3) / 2, 0, Math.sinh(3) / 2}, within(1e-14));
        assertThat(m.logMap0(y)).containsExactly(new double[] {0, 0, 1.5}, within(1e-14));
    }

    @Test
    void expFromFarOutBackToTheOriginIsAccurate() {
        // from distance 20 straight back 20: the literal cosh·x + sinh·v cancels 17 digits here
        double[] x = along(1, 20);
        double[] back = UNIT.expMap(x, UNIT.logMap(x, UNIT.origin(2)));
        assertThat(UNIT.distance(back, UNIT.origin(2))).isLessThan(1e-12);
        // x₀ = cosh 20 ≈ 2.4e8: exp is good to ~1e-16·x₀ across the radius, better along it
        assertThat(UNIT.distance(UNIT.geodesic(x, UNIT.origin(2), 0.5), along(1, 10))).isLessThan(1e-10);
    }

    @Test
    void projectionAndLiftsRecomputeTheTimeCoordinate() {
        assertThat(UNIT.project(new double[] {7, 3, 4})).containsExactly(Math.sqrt(26), 3, 4);
        assertThat(new LorentzModel(4).fromSpace(new double[] {0})).containsExactly(0.5, 0);
        double[] x = along(1, 1);
        double[] v = UNIT.liftToTangent(x, new double[] {2, 5});
        assertThat(UNIT.inner(x, v)).isCloseTo(0, within(1e-15));
        assertThat(v[2]).isEqualTo(5);
        double[] t = UNIT.projectToTangent(x, new double[] {1, 1, 1});
        assertThat(UNIT.inner(x, t)).isCloseTo(0, within(1e-14));
    }

    @Test
    void transportAlongAnAxisKeepsTheTransverseComponent() {
        double[] x = UNIT.origin(2);
        double[] y = along(1, 2);
        assertThat(UNIT.parallelTransport(x, y, new double[] {0, 0, 1})).containsExactly(new double[] {0, 0, 1}, within(1e-15));
        // the axis direction becomes the geodesic's velocity at y
        double[] p = UNIT.parallelTransport(x, y, new double[] {0, 1, 0});
        assertThat(p).containsExactly(new double[] {Math.sinh(2), Math.cosh(2), 0}, within(1e-14));
    }

    @Test
    void rejectsPointsOffTheHyperboloid() {
        assertThatThrownBy(() -> UNIT.distance(new double[] {1, 1, 0}, UNIT.origin(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x is not on the hyperboloid");
        assertThatThrownBy(() -> UNIT.distance(UNIT.origin(2), new double[] {-1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y is not on the hyperboloid")
                .hasMessageContaining("x0 = -1.0");
        assertThatThrownBy(() -> UNIT.logMap(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has 1 coordinate");
        assertThatThrownBy(() -> UNIT.distance(UNIT.origin(2), UNIT.origin(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x has dimension 3 but y has dimension 4");
        assertThat(UNIT.contains(new double[] {Math.sqrt(2) * (1 + 1e-8), 1})).isTrue();
        assertThat(UNIT.contains(new double[] {Math.sqrt(2) * (1 + 1e-5), 1})).isFalse();
        assertThat(UNIT.contains(null)).isFalse();
    }

    @Test
    void rejectsVectorsThatAreNotTangent() {
        double[] x = along(1, 1);
        assertThatThrownBy(() -> UNIT.expMap(x, new double[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v is not tangent to the hyperboloid at x");
        assertThatThrownBy(() -> UNIT.norm(x, new double[] {0, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("v[1] is NaN; coordinates must be finite");
        assertThatThrownBy(() -> UNIT.liftToTangent(x, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spaceVelocity has dimension 3");
    }

    @Test
    void rejectsVelocitiesBeyondTheRangeOfDouble() {
        double[] x = UNIT.origin(1);
        assertThatThrownBy(() -> UNIT.expMap(x, new double[] {0, 800}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond the range of double");
        assertThat(UNIT.expMap(x, new double[] {0, 300})[1]).isCloseTo(Math.sinh(300), within(Math.sinh(300) * 1e-12));
    }
}
