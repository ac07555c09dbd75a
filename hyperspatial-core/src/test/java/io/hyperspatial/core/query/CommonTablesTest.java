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
}
