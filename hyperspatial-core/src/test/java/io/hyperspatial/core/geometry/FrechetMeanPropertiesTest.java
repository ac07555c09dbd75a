package io.hyperspatial.core.geometry;

import io.hyperspatial.core.geometry.FrechetMean.Estimate;
import io.hyperspatial.core.geometry.GeometryArbitraries.BallCase;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static io.hyperspatial.core.geometry.GeometryArbitraries.DEEPEST;
import static io.hyperspatial.core.geometry.GeometryArbitraries.SEED;
import static io.hyperspatial.core.geometry.GeometryArbitraries.lift;
import static io.hyperspatial.core.geometry.GeometryArbitraries.tolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Karcher mean: the point itself for one point, the geodesic split for two, the minimiser for
 * more. A gradient norm g leaves the estimate within g of the true mean (the objective is
 * 1-strongly convex along geodesics), so positions are checked to the solver tolerance.
 */
@PropertyDefaults(tries = 150, edgeCases = EdgeCasesMode.NONE)
class FrechetMeanPropertiesTest {

    @Provide
    Arbitrary<BallCase> pairs() {
        return GeometryArbitraries.ballCases(2, DEEPEST, 6);
    }

    @Provide
    Arbitrary<BallCase> sets() {
        return GeometryArbitraries.ballCases(5, DEEPEST, 6);
    }

    @Property(seed = SEED)
    void meanOfOnePointIsThePoint(@ForAll("pairs") BallCase k) {
        double[] p = k.points()[0];
        Estimate e = new FrechetMean(k.c()).poincare(new double[][] {p});
        assertThat(e.converged()).isTrue();
        assertThat(k.ball().distance(e.point(), p)).isLessThanOrEqualTo(tolerance(k.c(), p));
    }

    @Property(seed = SEED)
    void meanOfTwoPointsIsTheGeodesicMidpoint(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        Estimate e = new FrechetMean(k.c()).poincare(new double[][] {x, y});
        double[] m = e.point();
        double d = ball.distance(x, y);
        double tol = tolerance(k.c(), x, y, m) * (1 + d) + FrechetMean.DEFAULT_TOLERANCE;
        assertThat(e.converged()).as("%s", e).isTrue();
        assertThat(ball.distance(x, m)).isCloseTo(d / 2, within(tol));
        assertThat(ball.distance(m, y)).isCloseTo(d / 2, within(tol));
    }

    @Property(seed = SEED)
    void weightedMeanOfTwoPointsDividesTheGeodesic(@ForAll("pairs") BallCase k) {
        PoincareBall ball = k.ball();
        double[] x = k.points()[0];
        double[] y = k.points()[1];
        double w = k.lengths()[0] / (6 / Math.sqrt(k.c()));
        // minimising w·a² + (1 − w)·(d − a)² over a = d(x, m) gives a = (1 − w)·d
        Estimate e = new FrechetMean(k.c()).poincare(new double[][] {x, y}, new double[] {w, 1 - w});
        double d = ball.distance(x, y);
        double tol = tolerance(k.c(), x, y, e.point()) * (1 + d) + FrechetMean.DEFAULT_TOLERANCE;
        assertThat(e.converged()).as("%s", e).isTrue();
        assertThat(ball.distance(x, e.point())).isCloseTo((1 - w) * d, within(tol));
        assertThat(ball.distance(e.point(), y)).isCloseTo(w * d, within(tol));
    }

    @Property(seed = SEED)
    void meanOfSeveralPointsMinimisesTheSumOfSquaredDistances(@ForAll("sets") BallCase k) {
        LorentzModel m = new LorentzModel(k.c());
        double[][] points = Arrays.stream(k.points()).map(p -> lift(k.c(), p)).toArray(double[][]::new);
        double[] weights = Arrays.stream(k.lengths()).map(l -> l + 0.01).toArray();
        FrechetMean means = new FrechetMean(k.c());
        Estimate e = means.lorentz(points, weights);
        assertThat(e.converged()).as("%s", e).isTrue();
        double best = objective(m, points, weights, e.point());
        double tol = tolerance(k.c(), k.points()) * (1 + best);
        assertThat(best).isLessThanOrEqualTo(objective(m, points, weights, means.lorentzCentroid(points, weights)) + tol);
        // every nearby point does worse (the objective is strictly convex)
        for (double[] direction : k.directions()) {
            double[] v = m.liftToTangent(e.point(), Vectors.scale(1e-3, direction));
            double[] moved = m.expMap(e.point(), Vectors.scale(1e-3 / m.norm(e.point(), v), v));
            assertThat(best).isLessThanOrEqualTo(objective(m, points, weights, moved) + tol);
        }
    }

    @Property(seed = SEED)
    void poincareMeanIsTheLorentzMeanCarriedOver(@ForAll("sets") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        FrechetMean means = new FrechetMean(k.c());
        double[][] lifted = Arrays.stream(k.points()).map(p -> lift(k.c(), p)).toArray(double[][]::new);
        double[] inBall = means.poincare(k.points()).point();
        double[] onHyperboloid = models.toPoincare(means.lorentz(lifted).point());
        assertThat(k.ball().distance(inBall, onHyperboloid))
                .isLessThanOrEqualTo(tolerance(k.c(), k.points()) + 2 * FrechetMean.DEFAULT_TOLERANCE);
    }

    @Property(seed = SEED)
    void meanScalesWithCurvature(@ForAll("sets") BallCase k) {
        double sqrtC = Math.sqrt(k.c());
        double[][] unitPoints = Arrays.stream(k.points()).map(p -> Vectors.scale(sqrtC, p)).toArray(double[][]::new);
        double[] mean = new FrechetMean(k.c()).poincare(k.points()).point();
        double[] unitMean = new FrechetMean(1).poincare(unitPoints).point();
        // each solve is within the tolerance of its mean; scaling to the unit ball multiplies by √c
        double d = PoincareBall.UNIT.distance(Vectors.scale(sqrtC, mean), unitMean);
        assertThat(d).isLessThanOrEqualTo(tolerance(k.c(), k.points()) + (1 + sqrtC) * FrechetMean.DEFAULT_TOLERANCE);
    }

    private static double objective(LorentzModel m, double[][] points, double[] weights, double[] mean) {
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            double d = m.distance(mean, points[i]);
            sum += weights[i] * d * d;
        }
        return sum;
    }
}
