package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the optimizer does, as EXPLAIN shows it. */
class OptimizerTest {
    private Engine engine;

    @BeforeEach
    void tables() {
        engine = new Engine(new InMemoryDataSource());
        engine.executeScript("""
                CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c REAL);
                CREATE INDEX t_a ON t(a);
                CREATE TABLE u(id INTEGER PRIMARY KEY, t_id INTEGER, v TEXT);
                INSERT INTO t VALUES(1, 10, 'x', 1.5), (2, 20, 'y', 2.5), (3, 30, 'z', NULL);
                INSERT INTO u VALUES(1, 1, 'p'), (2, 1, 'q'), (3, 3, 'r');
                """);
    }

    @Test
    void anEqualityOnAKeyBecomesALookupAndItsConstantIsFolded() {
        assertThat(explain("SELECT b FROM t WHERE id = 1 + 1")).isEqualTo("""
                Project [b]
                  KeyLookup t on id = 2 columns=[b]""");
    }

    @Test
    void boundsOnAnIndexedColumnBecomeARangeScanAndTheRestStaysAFilter() {
        assertThat(explain("SELECT b FROM t WHERE a >= ? AND a < 25 AND b <> 'q'")).isEqualTo("""
                Project [b]
                  Filter (b != 'q')
                    RangeScan t on a >= ?1 < 25 columns=[b]""");
    }

    @Test
    void anEquiJoinIsAHashJoinWithEachSidesFiltersPushedBelowIt() {
        assertThat(explain("SELECT t.b, u.v FROM t, u WHERE u.t_id = t.id AND t.c > 1 AND u.v <> 'q'")).isEqualTo("""
                Project [b, v]
                  HashJoin [id] = [t_id]
                    Filter (c > 1)
                      Scan t columns=[id, b, c]
                    Filter (v != 'q')
                      Scan u columns=[t_id, v]""");
    }

    @Test
    void aLeftJoinKeepsWhereTermsOnItsNullPaddedSideAboveTheJoin() {
        assertThat(explain("SELECT t.id FROM t LEFT JOIN u ON u.t_id = t.id AND u.v = 'p' WHERE u.v IS NULL")).isEqualTo("""
                Project [id]
                  Filter (v IS NULL)
                    HashLeftJoin [id] = [t_id]
                      Scan t columns=[id]
                      Filter (v = 'p')
                        Scan u columns=[t_id, v]""");
    }

    @Test
    void orderByWithLimitIsATopN() {
        assertThat(explain("SELECT b FROM t ORDER BY c DESC LIMIT 2")).isEqualTo("""
                Project [b]
                  TopN order1 DESC limit 2
                    Project [b, c]
                      Scan t columns=[b, c]""");
    }

    @Test
    void aCorrelatedSubqueryIsShownWithItsOwnPlanAndCanUseAnIndexOnTheOuterValue() {
        assertThat(explain("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM t AS x WHERE x.a = t.a + 10)")).isEqualTo("""
                Project [id]
                  Filter EXISTS(subquery)
                    Subquery (correlated, runs per row)
                      Project [1]
                        KeyLookup t AS x on a = (a^1 + 10) columns=[]
                    Scan t columns=[id, a]""");
        assertThat(rows("SELECT id FROM t WHERE EXISTS (SELECT 1 FROM t AS x WHERE x.a = t.a + 10)"))
                .containsExactly(List.of(1L), List.of(2L));
    }

    @Test
    void explainShowsTheRowsPlanOfDml() {
        assertThat(explain("DELETE FROM t WHERE a = 20")).isEqualTo("""
                Delete from t
                  KeyLookup t on a = 20 columns=[id, a, b, c, rowid]""");
    }

    @Test
    void indexedAndFilteredPlansAgree() {
        assertThat(rows("SELECT id FROM t WHERE a > 15 ORDER BY id")).containsExactly(List.of(2L), List.of(3L));
        assertThat(rows("SELECT id FROM t WHERE a = '20'")).containsExactly(List.of(2L));
        assertThat(rows("SELECT t.id, u.v FROM t JOIN u ON u.t_id = t.id ORDER BY u.id"))
                .containsExactly(List.of(1L, "p"), List.of(1L, "q"), List.of(3L, "r"));
    }

    private String explain(String sql) {
        StatementResult.Rows r = (StatementResult.Rows) engine.execute("EXPLAIN " + sql);
        return r.rows().stream().map(row -> (String) row.get(0)).collect(Collectors.joining("\n"));
    }

    private List<List<Object>> rows(String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }
}
