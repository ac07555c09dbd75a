package io.hyperspatial.hyperql.optimize;

import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random data and queries: index lookups and range scans, hash joins (inner and left) and
 * hash aggregation must give exactly what a plain nested-loop model computed here in Java gives.
 */
class RandomizedPlansTest {
    private static final int ROWS = 200;
    private static final int QUERIES = 150;

    private record Row(long id, Long a, Long b) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void optimizedPlansAgreeWithANestedLoopModel(long seed) {
        Random random = new Random(seed);
        Engine indexed = new Engine(new InMemoryDataSource());
        Engine plain = new Engine(new InMemoryDataSource());
        String ddl = "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b INTEGER); CREATE TABLE u(id INTEGER PRIMARY KEY, a INTEGER, b INTEGER)";
        indexed.executeScript(ddl + "; CREATE INDEX t_a ON t(a); CREATE INDEX t_b ON t(b); CREATE INDEX u_a ON u(a)");
        plain.executeScript(ddl);
        List<Row> t = rows(random);
        List<Row> u = rows(random);
        load(indexed, t, u);
        load(plain, t, u);

        for (int q = 0; q < QUERIES; q++) {
            long k = random.nextInt(24) - 2;
            long k2 = k + random.nextInt(8);
            String op = List.of("=", "<", "<=", ">", ">=").get(random.nextInt(5));
            switch (q % 4) {
                case 0 -> {
                    String sql = "SELECT id FROM t WHERE a " + op + " " + k + " AND b <= " + k2 + " ORDER BY id";
                    List<List<Object>> expected = new ArrayList<>();
                    for (Row r : t) {
                        if (r.a() != null && compare(r.a(), op, k) && r.b() != null && r.b() <= k2) {
                            expected.add(List.of(r.id()));
                        }
                    }
                    check(sql, expected, indexed, plain);
                }
                case 1 -> {
                    String sql = "SELECT t.id, u.id FROM t JOIN u ON u.a = t.a WHERE t.b " + op + " " + k + " ORDER BY 1, 2";
                    List<List<Object>> expected = new ArrayList<>();
                    for (Row r : t) {
                        for (Row s : u) {
                            if (r.a() != null && r.a().equals(s.a()) && r.b() != null && compare(r.b(), op, k)) {
                                expected.add(List.of(r.id(), s.id()));
                            }
                        }
                    }
                    check(sql, expected, indexed, plain);
                }
                case 2 -> {
                    String sql = "SELECT t.id, u.id FROM t LEFT JOIN u ON u.a = t.a AND u.b > " + k + " ORDER BY 1, 2";
                    List<List<Object>> expected = new ArrayList<>();
                    for (Row r : t) {
                        boolean matched = false;
                        for (Row s : u) {
                            if (r.a() != null && r.a().equals(s.a()) && s.b() != null && s.b() > k) {
                                expected.add(List.of(r.id(), s.id()));
                                matched = true;
                            }
                        }
                        if (!matched) {
                            expected.add(java.util.Arrays.asList(r.id(), null));
                        }
                    }
                    expected.sort(Comparator.<List<Object>, Long>comparing(l -> (Long) l.get(0))
                            .thenComparing(l -> l.get(1) == null ? Long.MIN_VALUE : (Long) l.get(1)));
                    check(sql, expected, indexed, plain);
                }
                default -> {
                    String sql = "SELECT a, count(*), sum(b) FROM t WHERE id % " + (2 + q % 3) + " = 0 GROUP BY a";
                    java.util.TreeMap<Long, long[]> groups = new java.util.TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
                    java.util.Map<Long, Boolean> anySum = new java.util.HashMap<>();
                    for (Row r : t) {
                        if (r.id() % (2 + q % 3) == 0) {
                            long[] g = groups.computeIfAbsent(r.a(), x -> new long[2]);
                            g[0]++;
                            if (r.b() != null) {
                                g[1] += r.b();
                                anySum.put(r.a(), true);
                            }
                        }
                    }
                    List<List<Object>> expected = new ArrayList<>();
                    groups.forEach((a, g) -> expected.add(java.util.Arrays.asList(a, g[0],
                            anySum.containsKey(a) ? (Object) g[1] : null)));
                    check(sql, expected, indexed, plain);
                }
            }
        }
    }

    private static List<Row> rows(Random random) {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            Long a = random.nextInt(10) == 0 ? null : (long) random.nextInt(20);
            Long b = random.nextInt(10) == 0 ? null : (long) random.nextInt(20);
            rows.add(new Row(i, a, b));
        }
        return rows;
    }

    private static void load(Engine engine, List<Row> t, List<Row> u) {
        for (Row r : t) {
            engine.execute("INSERT INTO t VALUES(?, ?, ?)", r.id(), r.a(), r.b());
        }
        for (Row r : u) {
            engine.execute("INSERT INTO u VALUES(?, ?, ?)", r.id(), r.a(), r.b());
        }
    }

    private static boolean compare(long v, String op, long k) {
        return switch (op) {
            case "=" -> v == k;
            case "<" -> v < k;
            case "<=" -> v <= k;
            case ">" -> v > k;
            default -> v >= k;
        };
    }

    private static void check(String sql, List<List<Object>> expected, Engine indexed, Engine plain) {
        assertThat(((StatementResult.Rows) indexed.execute(sql)).rows()).as("indexed: " + sql).isEqualTo(expected);
        assertThat(((StatementResult.Rows) plain.execute(sql)).rows()).as("plain: " + sql).isEqualTo(expected);
    }
}
