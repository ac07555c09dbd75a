package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import io.hyperspatial.hyperql.value.Vector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

class VectorSearchTest {
    private Engine engine;

    @BeforeEach
    void docs() {
        engine = new Engine(new InMemoryDataSource());
        engine.executeScript("""
                CREATE TABLE doc(id INTEGER PRIMARY KEY, cat TEXT, emb VECTOR(2), dir VECTOR(2, cosine));
                INSERT INTO doc VALUES(1, 'a', '[0, 0]', '[1, 0]'), (2, 'b', '[3, 4]', '[0, 1]'),
                                      (3, 'a', '[1, 1]', '[1, 1]'), (4, 'b', '[-1, 0]', '[-1, 0]');
                """);
    }

    @Test
    void distanceOperatorsAndFunctionsComputeExactly() {
        List<Object> row = rows("SELECT emb <-> '[0, 0]', dir <=> '[1, 0]', emb <#> '[1, 2]', distance(emb, '[0,0]', 'l2'),"
                + " similarity(dir, '[1, 0]'), typeof(emb) FROM doc WHERE id = 2").get(0);

        assertThat((Double) row.get(0)).isEqualTo(5.0);
        assertThat((Double) row.get(1)).isEqualTo(1.0);
        assertThat((Double) row.get(2)).isEqualTo(-11.0);
        assertThat((Double) row.get(3)).isEqualTo(5.0);
        assertThat((Double) row.get(4)).isCloseTo(0.0, within(1e-12));
        assertThat(row.get(5)).isEqualTo("vector");
    }

    @Test
    void orderByDistanceWithLimitIsAKnnScanWithTheWherePushedIn() {
        String sql = "SELECT id FROM doc WHERE cat = 'a' OR id = 4 ORDER BY emb <-> '[0.9, 0.9]' LIMIT 2";

        assertThat(explain(sql)).isEqualTo("""
                Project [id]
                  TopN order1 limit 2
                    Project [id, (emb <-> '[0.9, 0.9]')]
                      KnnScan doc on emb <-> '[0.9, 0.9]' k=2 filter ((cat = 'a') OR (id = 4)) columns=[id, cat, emb]""");
        assertThat(rows(sql)).containsExactly(List.of(3L), List.of(1L));
        assertThat(rows("SELECT id FROM doc ORDER BY dir <=> ? LIMIT 1 OFFSET 1", (Object) new float[] {1, 0.1f}))
                .containsExactly(List.of(3L));
    }

    @Test
    void aDistanceUnderAnotherMetricThanTheColumnsIsSortedNotSearched() {
        assertThat(explain("SELECT id FROM doc ORDER BY emb <=> '[1, 0]' LIMIT 1")).doesNotContain("KnnScan");
        assertThat(rows("SELECT id FROM doc ORDER BY emb <=> '[1, 0]', id LIMIT 2")).containsExactly(List.of(3L), List.of(2L));
    }

    @Test
    void vectorsAreCheckedAgainstTheirDeclaredDimensions() {
        HqlException e = catchThrowableOfType(HqlException.class,
                () -> engine.execute("INSERT INTO doc(id, emb) VALUES(9, '[1, 2, 3]')"));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("column doc.emb: expected a vector of 2 dimensions, got 3");
        assertThat(catchThrowableOfType(HqlException.class, () -> engine.execute("SELECT emb <-> 'nope' FROM doc")).code())
                .isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
    }

    @Test
    void knnResultsEqualBruteForceOnSeededData() {
        Random random = new Random(7);
        Engine e = new Engine(new InMemoryDataSource());
        e.execute("CREATE TABLE p(id INTEGER PRIMARY KEY, g INTEGER, v VECTOR(4))");
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] v = {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
            vectors.add(v);
            e.execute("INSERT INTO p VALUES(?, ?, ?)", i, i % 3, v);
        }
        for (int q = 0; q < 20; q++) {
            float[] query = {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()};
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                if (i % 3 == q % 3) {
                    expected.add((long) i);
                }
            }
            expected.sort(Comparator.comparingDouble((Long i) -> l2(vectors.get(i.intValue()), query)).thenComparing(i -> i));
            List<List<Object>> got = ((StatementResult.Rows) e.execute(
                    "SELECT id FROM p WHERE g = ? ORDER BY v <-> ? LIMIT 5", q % 3, query)).rows();
            assertThat(got.stream().map(r -> (Long) r.get(0)).toList()).isEqualTo(expected.subList(0, 5));
        }
        assertThat(((StatementResult.Rows) e.execute("SELECT v FROM p WHERE id = 0")).rows().get(0).get(0))
                .isEqualTo(new Vector(vectors.get(0)));
    }

    private static double l2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private String explain(String sql) {
        return rows("EXPLAIN " + sql).stream().map(r -> (String) r.get(0)).collect(Collectors.joining("\n"));
    }

    private List<List<Object>> rows(String sql, Object... params) {
        return ((StatementResult.Rows) engine.execute(sql, params)).rows();
    }
}
