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

/** The Poincaré ↔ Lorentz maps are isometries that commute with exp, log and parallel transport. */
@PropertyDefaults(tries = 300, edgeCases = EdgeCasesMode.NONE)
class HyperbolicModelsPropertiesTest {

    @Provide
    Arbitrary<BallCase> pairs() {
        return GeometryArbitraries.ballCases(2, DEEPEST, 6);
    }

    @Property(seed = SEED)
    void poincareToLorentzAndBackIsIdentity(@ForAll("pairs") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        double[] p = k.points()[0];
        double[] x = models.toLorentz(p);
        assertThat(x).hasSize(p.length + 1);
        assertThat(models.lorentz().contains(x)).isTrue();
        assertThat(models.poincare().distance(models.toPoincare(x), p)).isLessThanOrEqualTo(tolerance(k.c(), p));
        // the same point as the test's own lift
        double[] own = lift(k.c(), p);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(own[i], within(tolerance(k.c(), p) * own[0]));
        }
    }

    @Property(seed = SEED)
    void lorentzToPoincareAndBackIsIdentity(@ForAll("pairs") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        double[] x = lift(k.c(), k.points()[0]);
        double[] back = models.toLorentz(models.toPoincare(x));
        assertThat(models.lorentz().distance(back, x)).isLessThanOrEqualTo(tolerance(k.c(), k.points()[0]));
    }

    @Property(seed = SEED)
    void distancesAgreeAcrossModels(@ForAll("pairs") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        double[] p = k.points()[0];
        double[] q = k.points()[1];
        double inBall = models.poincare().distance(p, q);
        double onHyperboloid = models.lorentz().distance(models.toLorentz(p), models.toLorentz(q));
        assertThat(onHyperboloid).isCloseTo(inBall, within(tolerance(k.c(), p, q) * (1 + inBall)));
    }

    @Property(seed = SEED)
    void tangentMapsAreInverseIsometries(@ForAll("pairs") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        double[] p = k.points()[0];
        double[] v = k.tangent(0, 0);
        double[] x = models.toLorentz(p);
        double[] u = models.tangentToLorentz(p, v);
        double tol = tolerance(k.c(), p) * (1 + k.lengths()[0]);
        assertThat(models.lorentz().norm(x, u)).isCloseTo(models.poincare().norm(p, v), within(tol));
        double[] back = models.tangentToPoincare(x, u);
        assertThat(models.poincare().norm(p, Vectors.subtract(back, v))).isLessThanOrEqualTo(tol);
    }

    @Property(seed = SEED)
    void expAndLogCommuteWithTheMaps(@ForAll("pairs") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        PoincareBall ball = models.poincare();
        LorentzModel hyperboloid = models.lorentz();
        double[] p = k.points()[0];
        double[] q = k.points()[1];
        double[] x = models.toLorentz(p);
        double[] v = k.tangent(0, 0);
        double[] viaBall = ball.expMap(p, v);
        double[] viaHyperboloid = models.toPoincare(hyperboloid.expMap(x, models.tangentToLorentz(p, v)));
        double length = k.lengths()[0];
        assertThat(ball.distance(viaBall, viaHyperboloid))
                .isLessThanOrEqualTo(tolerance(k.c(), p, viaBall) * (1 + length));

        double[] log = models.tangentToLorentz(p, ball.logMap(p, q));
        double[] expected = hyperboloid.logMap(x, models.toLorentz(q));
        double d = ball.distance(p, q);
        assertThat(tangentGap(hyperboloid, x, log, expected))
                .isLessThanOrEqualTo(tolerance(k.c(), p, q) * (1 + d));
    }

    @Property(seed = SEED)
    void parallelTransportCommutesWithTheMaps(@ForAll("pairs") BallCase k) {
        HyperbolicModels models = new HyperbolicModels(k.c());
        double[] p = k.points()[0];
        double[] q = k.points()[1];
        double[] v = k.tangent(0, 0);
        double[] inBall = models.poincare().parallelTransport(p, q, v);
        double[] onHyperboloid = models.lorentz().parallelTransport(models.toLorentz(p), models.toLorentz(q),
                models.tangentToLorentz(p, v));
        double[] back = models.tangentToPoincare(models.toLorentz(q), onHyperboloid);
        assertThat(models.poincare().norm(q, Vectors.subtract(back, inBall)))
                .isLessThanOrEqualTo(tolerance(k.c(), p, q) * (1 + k.lengths()[0]) * (1 + models.poincare().distance(p, q)));
    }
}
