package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.eval.GroundTruth;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.WriteValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DatasetKindTest {

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void sameSeedSameVectorsOtherSeedOtherVectors(DatasetKind kind) {
        DatasetKind.Vectors a = kind.generate(300, 20, 8, 42);
        DatasetKind.Vectors b = kind.generate(300, 20, 8, 42);
        DatasetKind.Vectors c = kind.generate(300, 20, 8, 43);
        assertThat(a.base()).isDeepEqualTo(b.base());
        assertThat(a.queries()).isDeepEqualTo(b.queries());
        assertThat(a.base()[5]).isNotEqualTo(c.base()[5]);
        assertThat(a.base()).hasNumberOfRows(300);
        assertThat(a.queries()).hasNumberOfRows(20);
    }

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void everyVectorIsValidForItsMetricAndNoQueryIsABaseVector(DatasetKind kind) {
        DatasetKind.Vectors v = kind.generate(2000, 100, 16, 7);
        int dim = v.base()[0].length;
        assertThat(dim).isEqualTo(kind == DatasetKind.LORENTZ ? 17 : 16);
        VectorField field = new VectorField("v", 0, VectorKind.DENSE, dim, kind.metric);
        for (float[][] set : new float[][][]{v.base(), v.queries()}) {
            for (float[] x : set) {
                WriteValidator.dense(field, x);
            }
        }
        for (float[] q : v.queries()) {
            assertThat(Arrays.stream(v.base()).noneMatch(b -> Arrays.equals(b, q))).isTrue();
        }
        if (kind == DatasetKind.COSINE) {
            assertThat(norm(v.base()[3])).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void hyperbolicRadiiAreSkewedTowardTheBoundary() {
        float[][] ball = DatasetKind.POINCARE.generate(5000, 10, 16, 1).base();
        double[] radii = Arrays.stream(ball).mapToDouble(DatasetKindTest::norm).sorted().toArray();
        assertThat(radii[radii.length / 2]).isGreaterThan(0.98);
        assertThat(radii[radii.length - 1]).isGreaterThan(0.99).isLessThan(1.0);
        assertThat(radii[0]).isEqualTo(0.0);
        assertThat(radii[radii.length / 20]).isLessThan(0.98);
    }

    @Test
    void poincareAndLorentzAreTheSamePointsInTwoModels() {
        DatasetKind.Vectors p = DatasetKind.POINCARE.generate(1000, 50, 8, 3);
        DatasetKind.Vectors l = DatasetKind.LORENTZ.generate(1000, 50, 8, 3);
        for (int i = 0; i < 1000; i += 97) {
            float[] x = p.base()[i];
            double sq = norm(x) * norm(x);
            assertThat((double) l.base()[i][0]).isCloseTo((1 + sq) / (1 - sq), within(2e-3 * l.base()[i][0]));
            assertThat((double) l.base()[i][1]).isCloseTo(2 * x[0] / (1 - sq), within(2e-3 * l.base()[i][0]));
        }
        int[][] truthP = GroundTruth.compute(IndexConfig.of(DatasetKind.POINCARE.metric, 8), p.base(), p.queries(), 10, 2);
        int[][] truthL = GroundTruth.compute(IndexConfig.of(DatasetKind.LORENTZ.metric, 9), l.base(), l.queries(), 10, 2);
        int same = 0;
        for (int q = 0; q < truthP.length; q++) {
            for (int id : truthP[q]) {
                same += Arrays.stream(truthL[q]).anyMatch(x -> x == id) ? 1 : 0;
            }
        }
        // Float rounding in the two models may swap near-ties at the edge of a top-10, nothing more.
        assertThat(same).isGreaterThan(truthP.length * 10 * 95 / 100);
    }

    @Test
    void hierarchyMakesSiblingsCloserThanStrangers() {
        HyperbolicTree tree = new HyperbolicTree(3000, 16, 9);
        float[][] ball = tree.poincare();
        // A query is a fresh sibling of a base node: its nearest base point is far closer than a random one.
        float[][] queries = tree.queries(200, false);
        int[][] truth = GroundTruth.compute(IndexConfig.of(DatasetKind.POINCARE.metric, 16), ball, queries, 10, 2);
        double nearest = 0;
        double random = 0;
        for (int q = 0; q < queries.length; q++) {
            nearest += poincare(queries[q], ball[truth[q][0]]);
            random += poincare(queries[q], ball[(q * 7919) % ball.length]);
        }
        assertThat(nearest).isLessThan(random / 1.5);
    }

    private static double poincare(float[] u, float[] v) {
        double sq = 0;
        for (int i = 0; i < u.length; i++) {
            sq += (u[i] - v[i]) * (double) (u[i] - v[i]);
        }
        double nu = norm(u);
        double nv = norm(v);
        double x = 1 + 2 * sq / ((1 - nu * nu) * (1 - nv * nv));
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
