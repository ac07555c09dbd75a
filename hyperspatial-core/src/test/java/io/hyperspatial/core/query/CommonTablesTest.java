package io.hyperspatial.core.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** WITH over a collection's tables: common tables read, join and feed INSERT … SELECT as the in-memory source's do. */
class CommonTablesTest extends SqlCollectionTest {
    @Override
    String script() {
        return """
                CREATE TABLE t(pk INTEGER PRIMARY KEY, b INTEGER, c TEXT);
                INSERT INTO t(pk, b, c) VALUES(1, 10, 'x'), (2, 20, 'y'), (3, 30, 'x');
                """;
    }

    @Test
    void commonTablesReadJoinAndFeedInserts() {
        assertThat(sql.rows("WITH big(k) AS (SELECT pk FROM t WHERE b > 15) SELECT k FROM big ORDER BY k"))
                .containsExactly(List.of(2L), List.of(3L));
        assertThat(sql.rows("WITH x AS (SELECT c, COUNT(*) AS n FROM t GROUP BY c) SELECT t.pk FROM t JOIN x ON t.c = x.c"
                + " WHERE x.n > 1 ORDER BY 1")).containsExactly(List.of(1L), List.of(3L));

        sql.engine.execute("INSERT INTO t(b, c) WITH n AS (SELECT b + 1 AS b, c FROM t WHERE pk < 3) SELECT b, c FROM n");

        assertThat(sql.rows("SELECT pk, b FROM t WHERE pk > 3 ORDER BY pk")).containsExactly(List.of(4L, 11L), List.of(5L, 21L));
    }

    @Test
    void recursiveCommonTablesJoinCollectionTablesStepByStep() {
        sql.engine.execute("CREATE TABLE org(name TEXT PRIMARY KEY, boss TEXT)");
        sql.engine.execute("INSERT INTO org(name, boss) VALUES('ann', NULL), ('bob', 'ann'), ('cy', 'ann'), ('dee', 'bob'), ('eve', 'dee')");

        // depth-first: the queue hands out the deepest row first
        assertThat(sql.rows("WITH RECURSIVE under(name, level) AS (VALUES('ann', 0) UNION ALL SELECT org.name, under.level + 1"
                + " FROM org JOIN under ON org.boss = under.name ORDER BY 2 DESC, 1) SELECT name, level FROM under"))
                .containsExactly(List.of("ann", 0L), List.of("bob", 1L), List.of("dee", 2L), List.of("eve", 3L),
                        List.of("cy", 1L));
        // an unbounded recursion over a table ends at the reading query's LIMIT
        assertThat(sql.rows("WITH RECURSIVE c(x) AS (SELECT min(b) FROM t UNION ALL SELECT x + pk FROM c, t WHERE pk = 1)"
                + " SELECT x FROM c LIMIT 3")).containsExactly(List.of(10L), List.of(11L), List.of(12L));
    }
}
