package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins whose right table has a unique key on the join column probe it per left row when the left
 * side is small, and hash-join otherwise; either way the rows, and their order, must be those of
 * the same join over a table without the key (always a hash join). Seeded data mixes integers,
 * integral reals, numeric text and NULLs in the joined column, so coercions are exercised.
 */
class ProbingJoinTest {
    private static final int LEFT_ROWS = 200;
    private static final int RIGHT_ROWS = 100;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void probedJoinsGiveTheHashJoinsRowsInItsOrder(long seed) {
        Random random = new Random(seed);
        Engine keyed = new Engine(new InMemoryDataSource());
        Engine unkeyed = new Engine(new InMemoryDataSource());
        keyed.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b INTEGER); CREATE TABLE u(id INTEGER PRIMARY KEY, w INTEGER, v TEXT)");
        unkeyed.executeScript("CREATE TABLE t(id INTEGER PRIMARY KEY, a, b INTEGER); CREATE TABLE u(id INTEGER, w INTEGER, v TEXT)");
        for (int i = 0; i < RIGHT_ROWS; i++) {
            String insert = "INSERT INTO u VALUES(" + i * 2 + ", " + random.nextInt(3) + ", 'v" + random.nextInt(5) + "')";
            keyed.execute(insert);
            unkeyed.execute(insert);
        }
        for (int i = 0; i < LEFT_ROWS; i++) {
            int target = random.nextInt(RIGHT_ROWS * 2 + 10);
            String a = switch (random.nextInt(5)) {
                case 0 -> "NULL";
                case 1 -> target + ".0";
                case 2 -> "'" + target + "'";
                case 3 -> "'x" + target + "'";
                default -> String.valueOf(target);
            };
            String insert = "INSERT INTO t VALUES(" + i + ", " + a + ", " + random.nextInt(50) + ")";
            keyed.execute(insert);
            unkeyed.execute(insert);
        }
        for (int q = 0; q < 40; q++) {
            int low = random.nextInt(50);
            int high = low + (q % 2 == 0 ? random.nextInt(3) : 10 + random.nextInt(40));
            String range = " WHERE t.b BETWEEN " + low + " AND " + high;
            for (String sql : List.of(
                    "SELECT t.id, t.a, u.id, u.v FROM t JOIN u ON u.id = t.a" + range,
                    "SELECT t.id, u.id, u.v FROM t LEFT JOIN u ON u.id = t.a" + range,
                    "SELECT t.id, u.v FROM t JOIN u ON t.a = u.id AND u.v <> 'v1'" + range,
                    "SELECT t.id, u.v FROM t LEFT JOIN u ON t.a = u.id AND u.w = t.b % 3" + range)) {
                assertThat(rows(keyed, sql)).as(sql).containsExactlyElementsOf(rows(unkeyed, sql));
            }
        }
    }

    private static List<List<Object>> rows(Engine engine, String sql) {
        return ((StatementResult.Rows) engine.execute(sql)).rows();
    }
}
