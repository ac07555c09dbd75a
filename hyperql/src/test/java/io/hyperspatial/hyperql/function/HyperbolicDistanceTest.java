package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import io.hyperspatial.hyperql.value.Vector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HyperbolicDistanceTest {

    @Test
    void isAMetricOnSeededPointsOfTheBallAndMatchesTheRadialFormula() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            Vector a = point(random, 5);
            Vector b = point(random, 5);
            Vector c = point(random, 5);
            double ab = HyperbolicDistance.of(a, b, "t");
            assertThat(ab).isEqualTo(HyperbolicDistance.of(b, a, "t"), within(1e-9 * (1 + ab)));
            assertThat(HyperbolicDistance.of(a, a, "t")).isZero();
            assertThat(ab).isLessThanOrEqualTo(HyperbolicDistance.of(a, c, "t") + HyperbolicDistance.of(c, b, "t") + 1e-9);
            double norm = Math.sqrt(squaredNorm(a));
            double artanh = 0.5 * Math.log((1 + norm) / (1 - norm));
            assertThat(HyperbolicDistance.of(new Vector(new float[5]), a, "t")).isCloseTo(2 * artanh, within(1e-9 * (1 + artanh)));
        }
    }

    @Test
    void staysPreciseForCloseAndBoundaryPoints() {
        Vector a = new Vector(new float[]{0.5f, 0});
        Vector b = new Vector(new float[]{Math.nextUp(0.5f), 0});
        double expected = 2 * (Math.nextUp(0.5f) - 0.5) / (1 - 0.25);
        assertThat(HyperbolicDistance.of(a, b, "t")).isCloseTo(expected, within(expected * 1e-6));
        assertThat(HyperbolicDistance.of(new Vector(new float[]{0.9999f, 0}), new Vector(new float[2]), "t"))
                .isCloseTo(Math.log((1 + 0.9999f) / (1 - (double) 0.9999f)), within(1e-9));
    }

    /**
     * Far out (hyperbolic radius 16 and 17 on one ray, 1 apart) float32 coordinates round 1 − |x|
     * to a few significant bits; the double components a source hands over measure exactly.
     */
    @Test
    void measuresWithDoubleComponentsWhereAValueHasThem() {
        double[] direction = {1, -2, 3, 0.5};
        double length = Math.sqrt(1 + 4 + 9 + 0.25);
        Vector near = deep(direction, length, 16);
        Vector far = deep(direction, length, 17);
        assertThat(HyperbolicDistance.of(near, far, "t")).isCloseTo(1, within(1e-6));
        assertThat(HyperbolicDistance.of(far, near, "t")).isCloseTo(1, within(1e-6));
        assertThat(HyperbolicDistance.of(new Vector(new float[4]), far, "t")).isCloseTo(17, within(1e-6));

        double floatsOnly = HyperbolicDistance.of(new Vector(near.components()), new Vector(far.components()), "t");
        assertThat(Math.abs(floatsOnly - 1)).as("error of the float32 coordinates alone").isGreaterThan(0.1);
        assertThat(near).isEqualTo(new Vector(near.components())).hasSameHashCodeAs(new Vector(near.components()));
        assertThatThrownBy(() -> new Vector(new float[2], new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    /** The point at hyperbolic distance {@code radius} from the origin along {@code direction}, with its double components. */
    private static Vector deep(double[] direction, double length, double radius) {
        double norm = Math.tanh(radius / 2);
        double[] precise = new double[direction.length];
        float[] floats = new float[direction.length];
        for (int i = 0; i < direction.length; i++) {
            precise[i] = norm * direction[i] / length;
            floats[i] = (float) precise[i];
        }
        return new Vector(floats, precise);
    }

    @Test
    void errorsNameTheCallAndTheProblem() {
        Engine engine = new Engine(new InMemoryDataSource());
        assertThatThrownBy(() -> engine.execute("SELECT 1,\n hdist('[1.5, 0]', ?)", "[0, 0]"))
                .isInstanceOf(HqlException.class)
                .hasMessageContaining("hdist() at 2:2").hasMessageContaining("first point lies outside the open unit ball")
                .extracting(e -> ((HqlException) e).code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThatThrownBy(() -> engine.execute("SELECT hdist(?, '[0, 0, 0]')", "[0, 0]"))
                .hasMessageContaining("hdist() at 1:8").hasMessageContaining("different dimensions: 2 and 3")
                .extracting(e -> ((HqlException) e).code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThatThrownBy(() -> engine.execute("SELECT hdist(1, '[0, 0]')"))
                .extracting(e -> ((HqlException) e).code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(((StatementResult.Rows) engine.execute("SELECT hdist(NULL, ?)", "[0.1]")).rows().getFirst())
                .containsExactly((Object) null);
    }

    private static Vector point(SplittableRandom random, int dim) {
        float[] v = new float[dim];
        double radius = Math.pow(random.nextDouble(), 0.5) * 0.98;
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm) * radius);
        }
        return new Vector(v);
    }

    private static double squaredNorm(Vector v) {
        double s = 0;
        for (float f : v.components()) {
            s += (double) f * f;
        }
        return s;
    }
}
