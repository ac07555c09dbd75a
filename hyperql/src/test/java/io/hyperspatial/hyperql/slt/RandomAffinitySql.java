package io.hyperspatial.hyperql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random SQL over columns of every affinity (INTEGER, TEXT, BLOB, NUMERIC and none) holding
 * mixed values: integers, numeric-looking text with spaces, signs and exponents, other text,
 * NULLs. Queries compare across affinities, with IN lists and subqueries, BETWEEN, IS, CAST, %
 * and bitwise operators on text, CASE and COALESCE, and DISTINCT, GROUP BY, ORDER BY, aggregates
 * and joins over them: SQLite's type-conversion rules, for differential tests. Reals never turn
 * into text here (no {@code ||}, text functions or CAST AS TEXT of numbers), since SQLite
 * versions write a real's text differently. A fixed seed gives the same script.
 */
final class RandomAffinitySql {
    private static final List<String> VALUES = List.of("12", "'12'", "'12abc'", "' 7'", "'7 '", "NULL", "''", "0", "'0'",
            "-3", "'-3'", "'abc'", "'ABC'", "'1e3'", "100", "'100'", "9", "'9'", "' +9'", "X'41'");
    private static final List<String> COLUMNS = List.of("i", "x", "b", "n", "u");
    private static final List<String> TEXT_COLUMNS = List.of("x", "'abc'", "'12abc'", "' 7'");

    private final SplittableRandom random;

    RandomAffinitySql(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The statements creating and filling the table. */
    List<String> schema() {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE t(k INTEGER PRIMARY KEY, i INTEGER, x TEXT, b BLOB, n NUMERIC, u)");
        for (int k = 0; k < 14; k++) {
            statements.add("INSERT INTO t VALUES(" + k + ", " + RandomSql.list(5, () -> pick(VALUES)) + ")");
        }
        return statements;
    }

    /** One query and its sort mode. */
    String[] query() {
        double r = random.nextDouble();
        if (r < 0.45) {
            return new String[] {"SELECT " + RandomSql.list(1 + random.nextInt(3), () -> expr(2)) + " FROM t WHERE " + predicate(2), "rowsort"};
        }
        String c = pick(COLUMNS);
        if (r < 0.57) {
            return new String[] {"SELECT DISTINCT " + c + " FROM t ORDER BY 1", "nosort"};
        }
        if (r < 0.69) {
            return new String[] {"SELECT " + c + ", COUNT(*) FROM t GROUP BY " + c + " ORDER BY 1", "nosort"};
        }
        if (r < 0.81) {
            return new String[] {"SELECT " + pick(List.of("MIN", "MAX", "COUNT", "SUM")) + "(" + expr(1) + ") FROM t WHERE " + predicate(1), "rowsort"};
        }
        if (r < 0.91) {
            String d = pick(COLUMNS);
            return new String[] {"SELECT " + c + ", " + d + " FROM t ORDER BY " + c + pick(List.of("", " DESC")) + ", " + d, "nosort"};
        }
        return new String[] {"SELECT a.k, b.k FROM t AS a JOIN t AS b ON a." + pick(COLUMNS) + " = b." + pick(COLUMNS), "rowsort"};
    }

    private String atom() {
        return random.nextDouble() < 0.6 ? pick(COLUMNS) : pick(VALUES);
    }

    private String expr(int depth) {
        double r = random.nextDouble();
        if (depth <= 0 || r < 0.4) {
            return atom();
        }
        if (r < 0.55) {
            return expr(depth - 1) + " " + pick(List.of("+", "-", "*", "/", "%", "&", "|")) + " " + expr(depth - 1);
        }
        if (r < 0.65) {
            return "CAST(" + expr(depth - 1) + " AS " + pick(List.of("INTEGER", "NUMERIC")) + ")";
        }
        if (r < 0.72) {
            return pick(List.of("ABS", "TYPEOF")) + "(" + expr(depth - 1) + ")";
        }
        if (r < 0.76) {
            return pick(List.of("UPPER", "LENGTH")) + "(" + pick(TEXT_COLUMNS) + ")";
        }
        if (r < 0.82) {
            return pick(List.of("- ", "~ ")) + expr(depth - 1);
        }
        if (r < 0.88) {
            return "COALESCE(" + expr(depth - 1) + ", " + expr(depth - 1) + ")";
        }
        if (r < 0.94) {
            return "CASE " + expr(depth - 1) + " WHEN " + atom() + " THEN " + atom() + " ELSE " + atom() + " END";
        }
        return "(" + expr(depth - 1) + ")";
    }

    private String predicate(int depth) {
        double r = random.nextDouble();
        String not = random.nextBoolean() ? "NOT " : "";
        if (depth <= 0 || r < 0.5) {
            return expr(1) + " " + pick(List.of("=", "<>", "<", ">", "<=", ">=", "IS", "IS NOT")) + " " + expr(1);
        }
        if (r < 0.6) {
            return expr(1) + " " + not + "IN (" + RandomSql.list(1 + random.nextInt(4), this::atom) + ")";
        }
        if (r < 0.68) {
            return expr(0) + " " + not + "BETWEEN " + atom() + " AND " + atom();
        }
        if (r < 0.74) {
            return expr(0) + " " + not + "IN (SELECT " + pick(COLUMNS) + " FROM t)";
        }
        if (r < 0.9) {
            return "(" + predicate(depth - 1) + " " + pick(List.of("AND", "OR")) + " " + predicate(depth - 1) + ")";
        }
        return "NOT " + predicate(depth - 1);
    }

    private String pick(List<String> options) {
        return RandomSql.pick(random, options);
    }
}
