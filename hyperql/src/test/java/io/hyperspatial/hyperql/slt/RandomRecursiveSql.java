package io.hyperspatial.hyperql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random recursive WITH queries for differential tests: reachability over a small directed graph
 * with cycles (UNION), bounded paths and path strings (UNION ALL with a depth limit), walks of a
 * tree up and down with the queue ordered by ORDER BY or first in first out, several recursive
 * SELECTs, LIMIT and OFFSET inside the table's query, aggregates over it, and recursive tables in
 * correlated subqueries; between the queries, edges and values change. A fixed seed gives the same
 * script.
 */
final class RandomRecursiveSql {
    private static final int NODES = 12;
    private static final int TREE = 20;

    private final SplittableRandom random;

    RandomRecursiveSql(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The statements creating and filling the graph and the tree. */
    List<String> schema() {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE e(src INTEGER, dst INTEGER, w INTEGER)");
        statements.add("CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER, name TEXT, val INTEGER)");
        for (int i = 0; i < 2 * NODES; i++) {
            statements.add("INSERT INTO e VALUES(" + random.nextInt(NODES) + ", " + random.nextInt(NODES) + ", "
                    + random.nextInt(10) + ")");
        }
        for (int i = 1; i <= TREE; i++) {
            String parent = i == 1 ? "NULL" : Integer.toString(1 + random.nextInt(i - 1));
            statements.add("INSERT INTO node VALUES(" + i + ", " + parent + ", 'n" + random.nextInt(50) + "', "
                    + (random.nextInt(8) == 0 ? "NULL" : Integer.toString(random.nextInt(100))) + ")");
        }
        return statements;
    }

    /** A statement changing edges or values (the tree's shape stays a tree). */
    String change() {
        return switch (random.nextInt(4)) {
            case 0 -> "INSERT INTO e VALUES(" + random.nextInt(NODES) + ", " + random.nextInt(NODES) + ", " + random.nextInt(10) + ")";
            case 1 -> "DELETE FROM e WHERE src = " + random.nextInt(NODES) + " AND w > " + random.nextInt(10);
            case 2 -> "UPDATE node SET val = val + " + random.nextInt(5) + " WHERE id % " + (2 + random.nextInt(3)) + " = 0";
            default -> "UPDATE e SET w = w + 1 WHERE dst = " + random.nextInt(NODES);
        };
    }

    /** One query and its sort mode. */
    String[] query() {
        int start = random.nextInt(NODES);
        int depth = 1 + random.nextInt(5);
        return switch (random.nextInt(12)) {
            case 0 -> rows("WITH RECURSIVE r(n) AS (SELECT " + start + " UNION SELECT e.dst FROM e JOIN r ON e.src = r.n"
                    + pick(List.of("", " WHERE e.w > " + random.nextInt(10))) + ") SELECT n FROM r");
            case 1 -> rows("WITH RECURSIVE r(n) AS (SELECT " + start + " UNION SELECT e.dst FROM e, r WHERE e.src = r.n"
                    + " UNION SELECT e.src FROM e, r WHERE e.dst = r.n) SELECT " + pick(List.of("count(*)", "sum(n)", "max(n) - min(n)"))
                    + " FROM r");
            case 2 -> rows("WITH RECURSIVE p(n, d) AS (SELECT " + start + ", 0 UNION ALL SELECT e.dst, d + 1 FROM e JOIN p ON e.src = p.n"
                    + " WHERE d < " + depth + ") SELECT " + pick(List.of("n, d FROM p", "d, count(*) FROM p GROUP BY d",
                    "n, min(d) FROM p GROUP BY n", "count(DISTINCT n) FROM p")));
            case 3 -> rows("WITH RECURSIVE p(n, path, total) AS (SELECT " + start + ", '" + start + "', 0 UNION ALL"
                    + " SELECT e.dst, path || '>' || e.dst, total + e.w FROM e JOIN p ON e.src = p.n WHERE length(path) < "
                    + (3 + 2 * depth) + ") SELECT path, total FROM p" + pick(List.of("", " WHERE n = " + random.nextInt(NODES))));
            case 4 -> ordered("WITH RECURSIVE t(id, d) AS (SELECT " + (1 + random.nextInt(TREE)) + ", 0 UNION ALL"
                    + " SELECT node.id, t.d + 1 FROM node JOIN t ON node.parent = t.id ORDER BY "
                    + pick(List.of("2, 1", "2 DESC, 1", "2 DESC, 1 DESC", "1", "1 DESC")) + ") SELECT id, d FROM t");
            case 5 -> ordered("WITH RECURSIVE t(id, d) AS (SELECT " + (1 + random.nextInt(TREE)) + ", 0 UNION ALL"
                    + " SELECT node.id, t.d + 1 FROM node, t WHERE node.parent = t.id"
                    + pick(List.of("", " LIMIT " + random.nextInt(8), " LIMIT 5 OFFSET " + random.nextInt(4))) + ") SELECT id, d FROM t");
            case 6 -> rows("WITH RECURSIVE up(id, d) AS (SELECT parent, 1 FROM node WHERE id = " + (1 + random.nextInt(TREE))
                    + " UNION ALL SELECT node.parent, d + 1 FROM node, up WHERE node.id = up.id AND node.parent IS NOT NULL)"
                    + " SELECT " + pick(List.of("id, d FROM up", "group_concat(id, '/') FROM up", "max(d) FROM up")));
            case 7 -> rows("SELECT id, (WITH RECURSIVE up(a) AS (SELECT node.parent UNION ALL SELECT n2.parent FROM node AS n2, up"
                    + " WHERE n2.id = up.a) SELECT count(a) FROM up) FROM node WHERE id % " + (1 + random.nextInt(3)) + " = 0");
            case 8 -> rows("WITH RECURSIVE sub(id) AS (SELECT id FROM node WHERE " + pick(List.of("val > 50", "name < 'n3'", "val IS NULL"))
                    + " UNION SELECT node.id FROM node JOIN sub ON node.parent = sub.id) SELECT "
                    + pick(List.of("count(*), sum(val)", "id, name")) + " FROM node WHERE id IN (SELECT id FROM sub)");
            case 9 -> ordered("WITH RECURSIVE c(x) AS (SELECT " + (1 + random.nextInt(5)) + " UNION ALL SELECT x * " + (2 + random.nextInt(2))
                    + " + " + random.nextInt(3) + " FROM c WHERE x < " + (50 + random.nextInt(500)) + pick(List.of("", " LIMIT 6",
                    " LIMIT 4 OFFSET 2")) + ") SELECT x FROM c" + pick(List.of("", " LIMIT 3", " WHERE x % 2 = 0")));
            case 10 -> rows("WITH RECURSIVE c(x) AS (SELECT 1 UNION SELECT (x * " + (3 + random.nextInt(5)) + ") % " + (7 + random.nextInt(20))
                    + " FROM c) SELECT x FROM c");
            default -> rows("WITH base(k) AS (SELECT src FROM e WHERE w < " + random.nextInt(10) + "), r(n, d) AS (SELECT k, 0 FROM base"
                    + " UNION SELECT e.dst, d + 1 FROM e JOIN r ON e.src = r.n WHERE d < " + depth + ") SELECT n, min(d) FROM r GROUP BY n");
        };
    }

    private String[] rows(String sql) {
        return new String[] {sql, "rowsort"};
    }

    private String[] ordered(String sql) {
        return new String[] {sql, "nosort"};
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
