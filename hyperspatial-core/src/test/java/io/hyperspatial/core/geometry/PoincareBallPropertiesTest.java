package io.hyperspatial.core.geometry;

import io.hyperspatial.core.geometry.GeometryArbitraries.BallCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

import static io.hyperspatial.core.geometry.GeometryArbitraries.DEEPEST;
import static io.hyperspatial.core.geometry.GeometryArbitraries.SEED;
import static io.hyperspatial.core.geometry.GeometryArbitraries.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invariants of the Poincaré ball on points skewed toward the boundary (down to 1 − 1e-7). */
@PropertyDefaults(tries = 300, edgeCases = EdgeCasesMode.NONE)
class PoincareBallPropertiesTest {

    @Provide
    Arbitrary<BallCase> pairs() {
        return GeometryArbitraries.ballCases(2, DEEPEST, 6);
    }

    @Provide
    Arbitrary<BallCase> triples() {
        return GeometryArbitraries.ballCases(3, DEEPEST, 6);
    }

    /** Points no deeper than 1 − 1e-4, so that x ⊕ y stays clear of the projection radius. */
    @Provide
    Arbitrary<BallCase> shallowPairs() {
        return GeometryArbitraries.ballCases(2, 4, 6);
    }

    @Property(seed = SEED)
    void distanceIsSymmetricFiniteAndNonNegative(@ForAll("pairs") BallCase k) {
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double d = k.ball().distance(x, y);
        assertThat(d).isFinite().isGreaterThanOrEqualTo(0).isEqualTo(k.ball().distance(y, x));
    }

    @Property(seed = SEED)
    void distanceToItselfIsExactlyZero(@ForAll("pairs") BallCase k) {
        double[] x = k.points()[0];
        assertThat(k.ball().distance(x, x.clone())).isZero();
        assertThat(k.ball().logMap(x, x)).containsOnly(0.0);
    }

    @Property(seed = SEED)
    void triangleInequality(@ForAll("triples") BallCase k) {
        double[][] p = k.points();
        PoincareBall ball = k.ball();
        double xy = ball.distance(p[0], p[1]);
        double yz = ball.distance(p[1], p[2]);
        double xz = ball.distance(p[0], p[2]);
        assertThat(xz).isLessThanOrEqualTo((xy + yz) * (1 + tolerance(k.c(), p)));
    }

    @Property(seed = SEED)
    void distanceFromOriginIsTheDistanceToZero(@ForAll("pairs") BallCase k) {
        double[] x = k.points()[0];
        double d = k.ball().distanceFromOrigin(x);
        assertThat(d).isEqualTo(k.ball().distance(new double[x.length], x));
        // d(0, x) = (2/√c)·artanh(√c‖x‖)
        double r = Math.sqrt(k.c()) * Vectors.norm(x);
        double expected = 2 * HyperbolicFunctions.atanh(r) / Math.sqrt(k.c());
        assertThat(d).isCloseTo(expected, within(tolerance(k.c(), x) * (1 + expected)));
    }

    @Property(seed = SEED)
    void expOfLogIsIdentity(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double[] back = ball.expMap(x, ball.logMap(x, y));
        double d = ball.distance(x, y);
        assertThat(ball.distance(back, y)).isLessThanOrEqualTo(tolerance(k.c(), x, y) * (1 + d));
    }

    @Property(seed = SEED)
    void logOfExpIsIdentity(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] v = k.tangent(0, 0);
        double[] y = ball.expMap(x, v);
        double[] back = ball.logMap(x, y);
        double length = k.lengths()[0];
        assertThat(ball.norm(x, Vectors.subtract(back, v)))
                .isLessThanOrEqualTo(tolerance(k.c(), x, y) * (1 + length));
        assertThat(ball.distance(x, y)).isCloseTo(length, within(tolerance(k.c(), x, y) * (1 + length)));
    }

    @Property(seed = SEED)
    void mapsAtTheOriginAgreeWithTheGeneralOnes(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] y = k.points()[1];
        double[] zero = new double[y.length];
        double[] v = k.tangent(0, 0);
        assertThat(ball.logMap0(y)).containsExactly(ball.logMap(zero, y));
        assertThat(ball.expMap0(v)).containsExactly(ball.expMap(zero, v));
    }

    @Property(seed = SEED)
    void geodesicPointsSplitTheDistance(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double t = k.lengths()[1] / (6 / Math.sqrt(k.c()));
        double[] m = ball.geodesic(x, y, t);
        double d = ball.distance(x, y);
        double tol = tolerance(k.c(), x, y, m) * (1 + d);
        assertThat(ball.distance(x, m)).isCloseTo(t * d, within(tol));
        assertThat(ball.distance(m, y)).isCloseTo((1 - t) * d, within(tol));
    }

    @Property(seed = SEED)
    void mobiusAdditionIdentities(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] zero = new double[x.length];
        double tol = tolerance(k.c(), x);
        assertThat(ball.distance(ball.mobiusAdd(zero, x), x)).isLessThanOrEqualTo(tol);
        assertThat(ball.distance(ball.mobiusAdd(x, zero), x)).isLessThanOrEqualTo(tol);
        assertThat(ball.mobiusAdd(Vectors.negate(x), x)).containsOnly(0.0);
    }

    @Property(seed = SEED)
    void mobiusLeftCancellation(@ForAll("shallowPairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double[] sum = ball.mobiusAdd(x, y);
        double[] back = ball.mobiusAdd(Vectors.negate(x), sum);
        assertThat(ball.distance(back, y)).isLessThanOrEqualTo(tolerance(k.c(), x, y, sum));
        // x ⊕ y is the translation of y by x: an isometry, taking 0 to x.
        assertThat(ball.distance(x, sum)).isCloseTo(ball.distanceFromOrigin(y),
                within(tolerance(k.c(), x, y, sum) * (1 + ball.distanceFromOrigin(y))));
    }

    @Property(seed = SEED)
    void parallelTransportPreservesNormsAndInnerProducts(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double[] u = k.tangent(0, 0);
        double[] v = k.tangent(0, 1);
        double[] pu = ball.parallelTransport(x, y, u);
        double[] pv = ball.parallelTransport(x, y, v);
        double tol = 64 * Math.ulp(1.0);
        assertThat(ball.norm(y, pu)).isCloseTo(ball.norm(x, u), within(tol * (1 + ball.norm(x, u))));
        double lx = ball.conformalFactor(x);
        double ly = ball.conformalFactor(y);
        double before = lx * lx * Vectors.dot(u, v);
        double after = ly * ly * Vectors.dot(pu, pv);
        assertThat(after).isCloseTo(before, within(tol * (1 + k.lengths()[0] * k.lengths()[1])));
    }

    @Property(seed = SEED)
    void parallelTransportCarriesTheGeodesicVelocity(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double[] carried = ball.parallelTransport(x, y, ball.logMap(x, y));
        double[] velocityAtY = Vectors.negate(ball.logMap(y, x));
        double d = ball.distance(x, y);
        assertThat(ball.norm(y, Vectors.subtract(carried, velocityAtY)))
                .isLessThanOrEqualTo(tolerance(k.c(), x, y) * (1 + d));
    }

    @Property(seed = SEED)
    void parallelTransportThereAndBackIsIdentity(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double[] v = k.tangent(0, 0);
        double[] back = ball.parallelTransport(y, x, ball.parallelTransport(x, y, v));
        assertThat(ball.norm(x, Vectors.subtract(back, v))).isLessThanOrEqualTo(64 * Math.ulp(1.0) * (1 + k.lengths()[0]));
    }

    @Property(seed = SEED)
    void distanceScalesWithCurvature(@ForAll("pairs") BallCase k) {
        // The ball of curvature −c is the unit ball shrunk by √c, with distances shrunk by √c.
        double sqrtC = Math.sqrt(k.c());
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double unit = PoincareBall.UNIT.distance(Vectors.scale(sqrtC, x), Vectors.scale(sqrtC, y));
        double d = k.ball().distance(x, y);
        assertThat(d).isCloseTo(unit / sqrtC, within(tolerance(k.c(), x, y) * (1 + d)));
    }
}
