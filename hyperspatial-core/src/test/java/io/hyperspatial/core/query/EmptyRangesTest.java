package io.hyperspatial.core.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranges that hold no value (a BETWEEN whose low end is above its high end, bounds that exclude
 * each other) on a primary key and on an indexed column of a collection table: no rows, no error.
 */
class EmptyRangesTest extends SqlCollectionTest {
    @Override
    String script() {
        return """
                CREATE TABLE t(pk INTEGER PRIMARY KEY, a INTEGER, b TEXT);
                CREATE INDEX t_a ON t(a);
                INSERT INTO t(pk, a, b) VALUES(1, 10, 'x'), (5, 50, 'y'), (9, 90, 'z');
                """;
    }

    @Test
    void invertedAndExclusiveBoundsSelectNothing() {
        for (String where : List.of("pk BETWEEN 9 AND 1", "a BETWEEN 90 AND 10", "pk > 5 AND pk < 5",
                "a >= 50 AND a < 50", "25 < pk AND 6 BETWEEN pk AND 86", "a > 'b' AND a < 'a'")) {
            assertThat(sql.rows("SELECT pk FROM t WHERE " + where)).as(where).isEmpty();
        }
    }

    @Test
    void aSingleValueRangeStillSelectsIt() {
        assertThat(sql.rows("SELECT pk FROM t WHERE pk BETWEEN 5 AND 5")).containsExactly(List.of(5L));
        assertThat(sql.rows("SELECT pk FROM t WHERE a >= 50 AND a <= 50")).containsExactly(List.of(5L));
        assertThat(sql.rows("SELECT pk FROM t WHERE a BETWEEN 10 AND 90 ORDER BY pk")).containsExactly(List.of(1L), List.of(5L), List.of(9L));
    }
}
