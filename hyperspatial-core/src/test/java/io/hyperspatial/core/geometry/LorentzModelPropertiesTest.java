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
import static io.hyperspatial.core.geometry.GeometryArbitraries.lift;
import static io.hyperspatial.core.geometry.GeometryArbitraries.tangentGap;
import static io.hyperspatial.core.geometry.GeometryArbitraries.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Invariants of the hyperboloid on the lifts of the generated Poincaré points: x₀ up to ~1e7/√c,
 * where the literal Minkowski formulas have lost every digit for nearby points.
 */
@PropertyDefaults(tries = 300, edgeCases = EdgeCasesMode.NONE)
class LorentzModelPropertiesTest {

    @Provide
    Arbitrary<BallCase> pairs() {
        return GeometryArbitraries.ballCases(2, DEEPEST, 6);
    }

    @Provide
    Arbitrary<BallCase> triples() {
        return GeometryArbitraries.ballCases(3, DEEPEST, 6);
    }

    /** Points within hyperbolic radius ~6.9/√c of the origin, where the literal formulas still hold up. */
    @Provide
    Arbitrary<BallCase> centralPairs() {
        return GeometryArbitraries.ballCases(2, 3, 6);
    }

    private static LorentzModel model(BallCase k) {
        return new LorentzModel(k.c());
    }

    private static double[] point(BallCase k, int i) {
        return lift(k.c(), k.points()[i]);
    }

    /** A tangent vector at x with Riemannian norm lengths[j], its space part along directions[j]. */
    private static double[] tangent(BallCase k, double[] x, int j) {
        LorentzModel m = model(k);
        double[] v = m.liftToTangent(x, k.directions()[j]);
        return Vectors.scale(k.lengths()[j] / m.norm(x, v), v);
    }

    @Property(seed = SEED)
    void liftedPointsAreOnTheHyperboloid(@ForAll("pairs") BallCase k) {
        double[] x = point(k, 0);
        assertThat(model(k).contains(x)).isTrue();
        assertThat(model(k).project(x)).containsExactly(x);
        double[] shifted = x.clone();
        shifted[0] *= 3;
        assertThat(model(k).project(shifted)).containsExactly(x);
    }

    @Property(seed = SEED)
    void distanceIsSymmetricFiniteAndNonNegative(@ForAll("pairs") BallCase k) {
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double d = model(k).distance(x, y);
        assertThat(d).isFinite().isGreaterThanOrEqualTo(0).isEqualTo(model(k).distance(y, x));
        assertThat(model(k).distance(x, x.clone())).isZero();
    }

    @Property(seed = SEED)
    void distanceIsTheAcoshOfTheMinkowskiProduct(@ForAll("centralPairs") BallCase k) {
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double d = model(k).distance(x, y);
        double literal = HyperbolicFunctions.acosh(Math.max(1, -k.c() * model(k).inner(x, y))) / Math.sqrt(k.c());
        // The literal form's own error: u·c·x₀y₀ on the acosh argument, amplified by 1/sinh near 0.
        double argError = 16 * Math.ulp(1.0) * k.c() * x[0] * y[0];
        double tol = argError / Math.sqrt(k.c()) / Math.max(Math.sinh(Math.sqrt(k.c()) * d), Math.sqrt(argError));
        assertThat(d).isCloseTo(literal, within(tol + 1e-14 * d));
    }

    @Property(seed = SEED)
    void triangleInequality(@ForAll("triples") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double[] z = point(k, 2);
        double xz = m.distance(x, z);
        assertThat(xz).isLessThanOrEqualTo((m.distance(x, y) + m.distance(y, z)) * (1 + tolerance(k.c(), k.points())));
    }

    @Property(seed = SEED)
    void expOfLogIsIdentity(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double[] log = m.logMap(x, y);
        double d = m.distance(x, y);
        assertThat(m.norm(x, log)).isCloseTo(d, within(tolerance(k.c(), k.points()) * (1 + d)));
        assertThat(m.distance(m.expMap(x, log), y)).isLessThanOrEqualTo(tolerance(k.c(), k.points()) * (1 + d));
    }

    @Property(seed = SEED)
    void logOfExpIsIdentity(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] v = tangent(k, x, 0);
        double[] y = m.expMap(x, v);
        assertThat(m.contains(y)).isTrue();
        double length = k.lengths()[0];
        double tol = tolerance(k.c(), k.points()[0], new HyperbolicModels(k.c()).toPoincare(y)) * (1 + length);
        assertThat(m.distance(x, y)).isCloseTo(length, within(tol));
        assertThat(tangentGap(m, x, m.logMap(x, y), v)).isLessThanOrEqualTo(tol);
    }

    @Property(seed = SEED)
    void mapsAtTheOriginAgreeWithTheGeneralOnes(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] y = point(k, 1);
        double[] o = m.origin(y.length - 1);
        double[] v = tangent(k, o, 0);
        assertThat(m.logMap0(y)).containsExactly(m.logMap(o, y));
        assertThat(m.expMap0(v)).containsExactly(m.expMap(o, v));
    }

    @Property(seed = SEED)
    void geodesicPointsSplitTheDistance(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double t = k.lengths()[1] / (6 / Math.sqrt(k.c()));
        double[] g = m.geodesic(x, y, t);
        double d = m.distance(x, y);
        double tol = tolerance(k.c(), k.points()) * (1 + d);
        assertThat(m.distance(x, g)).isCloseTo(t * d, within(tol));
        assertThat(m.distance(g, y)).isCloseTo((1 - t) * d, within(tol));
    }

    @Property(seed = SEED)
    void parallelTransportPreservesNormsAndInnerProducts(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double[] u = tangent(k, x, 0);
        double[] v = tangent(k, x, 1);
        double[] pu = m.parallelTransport(x, y, u);
        double[] pv = m.parallelTransport(x, y, v);
        double scale = (1 + k.lengths()[0]) * (1 + k.lengths()[1]);
        double tol = tolerance(k.c(), k.points()) * scale;
        assertThat(m.norm(y, pu)).isCloseTo(k.lengths()[0], within(tol));
        assertThat(innerAt(m, y, pu, pv)).isCloseTo(innerAt(m, x, u, v), within(tol));
    }

    @Property(seed = SEED)
    void parallelTransportCarriesTheGeodesicVelocity(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] y = point(k, 1);
        double[] carried = m.parallelTransport(x, y, m.logMap(x, y));
        double[] velocityAtY = Vectors.negate(m.logMap(y, x));
        double d = m.distance(x, y);
        assertThat(tangentGap(m, y, carried, velocityAtY))
                .isLessThanOrEqualTo(tolerance(k.c(), k.points()) * (1 + d));
    }

    @Property(seed = SEED)
    void projectingOntoTheTangentSpaceGivesATangentVector(@ForAll("pairs") BallCase k) {
        LorentzModel m = model(k);
        double[] x = point(k, 0);
        double[] w = new double[x.length];
        w[0] = k.lengths()[0];
        System.arraycopy(k.directions()[1], 0, w, 1, x.length - 1);
        double[] t = m.projectToTangent(x, w);
        m.requireTangent("t", x, t);
        // A tangent vector is its own projection, up to the rounding of ⟨x,v⟩_L (u·‖x‖·‖v‖) times x.
        double[] v = tangent(k, x, 0);
        double tol = 64 * Math.ulp(1.0) * k.c() * Vectors.squaredNorm(x) * Vectors.norm(v);
        assertThat(Vectors.norm(Vectors.subtract(m.projectToTangent(x, v), v))).isLessThanOrEqualTo(tol);
    }

    private static double innerAt(LorentzModel m, double[] x, double[] u, double[] v) {
        double plus = tangentGap(m, x, u, Vectors.negate(v));
        double minus = tangentGap(m, x, u, v);
        return (plus * plus - minus * minus) / 4;
    }
}
