package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import io.hyperspatial.hyperql.value.Vector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code NEAR … WITHIN} over the in-memory source: radius scans, the row-by-row test, and their errors. */
class RadiusSearchTest {
    private final Engine engine = new Engine(new InMemoryDataSource());

    @Test
    void radiusScansAndRowByRowTestsEqualBruteForceOnSeededData() {
        Random random = new Random(11);
        engine.execute("CREATE TABLE p(id INTEGER PRIMARY KEY, g INTEGER, v VECTOR(3), h VECTOR(3, poincare))");
        List<float[]> flat = new ArrayList<>();
        List<float[]> ball = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            flat.add(new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()});
            ball.add(ballPoint(random));
            engine.execute("INSERT INTO p VALUES(?, ?, ?, ?)", i, i % 3, flat.get(i), ball.get(i));
        }
        for (int q = 0; q < 30; q++) {
            boolean hyperbolic = q % 2 == 1;
            float[] query = hyperbolic ? ballPoint(random) : new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()};
            double radius = hyperbolic ? 0.5 + 2 * random.nextDouble() : 0.1 + 0.4 * random.nextDouble();
            List<float[]> points = hyperbolic ? ball : flat;
            VectorMetric metric = hyperbolic ? VectorMetric.POINCARE : VectorMetric.L2;
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (i % 3 == q % 3 && metric.distance(new Vector(points.get(i)), new Vector(query)) <= radius) {
                    expected.add((long) i);
                }
            }
            String column = hyperbolic ? "h" : "v";
            String scanned = "SELECT id FROM p WHERE g = ? AND " + column + " NEAR ? WITHIN ? ORDER BY id";
            String rowByRow = "SELECT id FROM p WHERE g = ? AND (" + column + " NEAR ? WITHIN ?) = 1 ORDER BY id";
            assertThat(explain(scanned)).contains("RadiusScan p on");
            assertThat(explain(rowByRow)).doesNotContain("RadiusScan");
            assertThat(ids(scanned, q % 3, query, radius)).as("query %d", q).isEqualTo(expected);
            assertThat(ids(rowByRow, q % 3, query, radius)).as("query %d", q).isEqualTo(expected);
        }
    }

    @Test
    void theBoundaryIsIncludedAndNullsMatchNothing() {
        engine.executeScript("""
                CREATE TABLE pt(id INTEGER PRIMARY KEY, v VECTOR(2));
                INSERT INTO pt VALUES(1, '[3, 4]'), (2, '[0, 0]'), (3, NULL), (4, '[6, 8]');
                """);

        assertThat(ids("SELECT id FROM pt WHERE v NEAR '[0, 0]' WITHIN 5 ORDER BY id")).containsExactly(1L, 2L);
        assertThat(ids("SELECT id FROM pt WHERE v NEAR '[0, 0]' WITHIN 4.999 ORDER BY id")).containsExactly(2L);
        assertThat(ids("SELECT id FROM pt WHERE v NEAR '[0, 0]' WITHIN 0")).containsExactly(2L);
        assertThat(ids("SELECT id FROM pt WHERE v NEAR '[1, 1]' WITHIN 0")).isEmpty();
        assertThat(ids("SELECT id FROM pt WHERE v NEAR ? WITHIN 10", (Object) null)).isEmpty();
        assertThat(ids("SELECT id FROM pt WHERE v NEAR '[0, 0]' WITHIN ?", (Object) null)).isEmpty();
        assertThat(rows("SELECT id, v NEAR '[0, 0]' WITHIN 5 FROM pt ORDER BY id")).containsExactly(
                List.of(1L, 1L), List.of(2L, 1L), java.util.Arrays.asList(3L, null), List.of(4L, 0L));
    }

    @Test
    void aLimitOverTheSameDistanceIsPushedIntoTheRadiusScan() {
        engine.executeScript("""
                CREATE TABLE pt(id INTEGER PRIMARY KEY, c TEXT, v VECTOR(2));
                INSERT INTO pt VALUES(1, 'a', '[3, 4]'), (2, 'a', '[0, 0]'), (3, 'b', '[1, 0]'), (4, 'a', '[0, 2]'), (5, 'a', '[0, 1]');
                """);
        String sql = "SELECT id FROM pt WHERE c = 'a' AND v NEAR '[0, 0]' WITHIN 3 ORDER BY v <-> '[0, 0]' LIMIT 2";

        assertThat(explain(sql)).isEqualTo("""
                Project [id]
                  TopN order1 limit 2
                    Project [id, (v <-> '[0, 0]')]
                      RadiusScan pt on v <-> '[0, 0]' <= 3 limit=2 filter (c = 'a') columns=[id, c, v]""");
        assertThat(ids(sql)).containsExactly(2L, 5L);
        assertThat(ids("SELECT id FROM pt WHERE c = 'a' AND v NEAR '[0, 0]' WITHIN 3 ORDER BY v <-> '[0, 0]' LIMIT 2 OFFSET 2"))
                .containsExactly(4L);
    }

    @Test
    void aBadRadiusIsAnErrorNamingIt() {
        engine.execute("CREATE TABLE pt(id INTEGER PRIMARY KEY, v VECTOR(2), n INTEGER)");
        engine.execute("INSERT INTO pt VALUES(1, '[0, 0]', 1)");

        HqlSemanticException literal = catchThrowableOfType(HqlSemanticException.class,
                () -> engine.execute("SELECT id FROM pt\nWHERE v NEAR '[0, 0]' WITHIN -1"));
        assertThat(literal.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(literal.getMessage()).contains("NEAR at 2:9: the radius must be a non-negative finite number, got -1")
                .contains("2:30");
        for (Object bad : new Object[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            HqlException e = catchThrowableOfType(HqlException.class,
                    () -> engine.execute("SELECT id FROM pt WHERE v NEAR '[0, 0]' WITHIN ?", bad));
            assertThat(e.code()).as("%s", bad).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
            assertThat(e.getMessage()).contains("NEAR at 1:27: the radius must be a non-negative finite number");
        }
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT id FROM pt WHERE v NEAR '[0, 0]' WITHIN 'far'")).code())
                .isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT id FROM pt WHERE (v NEAR '[0, 0]' WITHIN n - 2) = 1")).code())
                .isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT id FROM pt WHERE '[0, 0]' NEAR v WITHIN 1")).code())
                .isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT id FROM pt WHERE v NEAR '[0, 0, 0]' WITHIN 1")).code())
                .isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
    }

    @Test
    void poincareColumnsRejectPointsOutsideTheBallAndServeHdistFromTheKnnScan() {
        engine.execute("CREATE TABLE h(id INTEGER PRIMARY KEY, p VECTOR(2, poincare))");
        engine.execute("INSERT INTO h VALUES(1, '[0, 0]'), (2, '[0.5, 0]'), (3, '[-0.9, 0]'), (4, '[0, 0.6]')");

        HqlException outside = catchThrowableOfType(HqlException.class,
                () -> engine.execute("INSERT INTO h VALUES(5, '[0.1, 0.1]'), (6, '[1.0, 0]')"));
        assertThat(outside.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(outside.getMessage()).contains("column h.p").contains("outside the open unit ball");
        assertThat(ids("SELECT count(*) FROM h")).containsExactly(4L);

        String hdist = "SELECT id FROM h ORDER BY hdist(p, '[0.4, 0]') LIMIT 2";
        assertThat(explain(hdist)).contains("KnnScan h on hdist(p, '[0.4, 0]') k=2");
        assertThat(ids(hdist)).containsExactly(2L, 1L);
        assertThat(explain("SELECT id FROM h ORDER BY distance(p, '[0.4, 0]') LIMIT 2"))
                .contains("KnnScan h on hdist(p, '[0.4, 0]') k=2");
        assertThat(explain("SELECT id FROM h ORDER BY p <-> '[0.4, 0]' LIMIT 2")).doesNotContain("KnnScan");
        assertThat(ids("SELECT id FROM h WHERE p NEAR '[0, 0]' WITHIN 1.09862 ORDER BY id")).containsExactly(1L, 2L);
        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("SELECT id FROM h WHERE p NEAR '[2, 0]' WITHIN 1")).code())
                .isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
    }

    @Test
    void lorentzColumnsTakeHyperboloidPointsAndTheirDistance() {
        engine.execute("CREATE TABLE l(id INTEGER PRIMARY KEY, x VECTOR(3, lorentz))");
        double s = Math.sinh(1);
        engine.execute("INSERT INTO l VALUES(1, '[1, 0, 0]'), (2, ?)", (Object) new float[] {(float) Math.cosh(1), (float) s, 0});

        assertThat(catchThrowableOfType(HqlException.class,
                () -> engine.execute("INSERT INTO l VALUES(3, '[1, 1, 0]')")).code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        Double d = (Double) rows("SELECT distance(x, '[1, 0, 0]') FROM l WHERE id = 2").getFirst().getFirst();
        assertThat(d).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(explain("SELECT id FROM l ORDER BY distance(x, '[1, 0, 0]') LIMIT 1"))
                .contains("KnnScan l on distance(x, '[1, 0, 0]', 'lorentz') k=1");
        assertThat(ids("SELECT id FROM l WHERE x NEAR '[1, 0, 0]' WITHIN 0.5")).containsExactly(1L);
    }

    @Test
    void nearAndWithinStillNameThings() {
        engine.execute("CREATE TABLE near(within INTEGER, v VECTOR(1))");
        engine.execute("INSERT INTO near VALUES(1, '[0]')");

        assertThat(ids("SELECT within FROM near WHERE v NEAR '[0.5]' WITHIN within")).containsExactly(1L);
    }

    private static float[] ballPoint(Random random) {
        float[] p = new float[3];
        double norm = 0.95 * Math.cbrt(random.nextDouble());
        double sq = 0;
        for (int i = 0; i < 3; i++) {
            p[i] = (float) random.nextGaussian();
            sq += p[i] * p[i];
        }
        for (int i = 0; i < 3; i++) {
            p[i] = (float) (p[i] * norm / Math.sqrt(sq));
        }
        return p;
    }

    private List<Long> ids(String sql, Object... params) {
        return rows(sql, params).stream().map(r -> (Long) r.getFirst()).toList();
    }

    private List<List<Object>> rows(String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows();
    }

    private String explain(String sql) {
        return rows("EXPLAIN " + sql).stream().map(r -> (String) r.getFirst()).collect(Collectors.joining("\n"));
    }
}
