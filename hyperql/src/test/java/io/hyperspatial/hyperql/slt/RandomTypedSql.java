package io.hyperspatial.hyperql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random SQL in the style of SQLite's sqllogictest {@code index/} suites: two tables of an
 * INTEGER PRIMARY KEY and INTEGER, FLOAT and TEXT columns holding NULLs (one with secondary
 * indexes), queried with typed expressions (arithmetic, {@code ||} of text and integers, UPPER/LOWER/TRIM/SUBSTR, CASE,
 * COALESCE), LIKE, IN subqueries, EXISTS, ORDER BY with LIMIT and OFFSET, set operations, derived
 * tables, correlated scalar subqueries, GROUP BY with HAVING and outer joins; UPDATE, DELETE and
 * INSERT between the queries. ORDER BY lists every result column last, so the order, and what a
 * LIMIT keeps, is defined. A fixed seed gives the same script.
 */
final class RandomTypedSql {
    private static final List<String> NUMBERS = List.of("col0", "col1", "col3", "col4", "pk");
    private static final List<String> TEXTS = List.of("col2", "col5");
    /**
     * What {@code ||} joins to text: integers only. A real turns into text differently across
     * SQLite versions (3.53 writes 17 significant digits, older ones 15, which the sqllogictest
     * corpus and HyperQL follow).
     */
    private static final List<String> INTEGERS = List.of("col0", "col3", "pk");
    private static final List<String> WORDS = List.of("abc", "xyz", "ijk", "qrs", "mno", "def", "a%c", "ab", "");

    private final SplittableRandom random;
    private int nextKey = 100;

    RandomTypedSql(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The statements creating and filling the tables. */
    List<String> schema() {
        List<String> statements = new ArrayList<>();
        for (String t : List.of("tab0", "tab1")) {
            statements.add("CREATE TABLE " + t
                    + "(pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT, col2 TEXT, col3 INTEGER, col4 FLOAT, col5 TEXT)");
            int rows = 8 + random.nextInt(13);
            for (int pk = 0; pk < rows; pk++) {
                statements.add(row(t, pk));
            }
        }
        statements.add("CREATE INDEX idx_tab1_0 ON tab1 (col0)");
        statements.add("CREATE INDEX idx_tab1_3 ON tab1 (col3, col1)");
        return statements;
    }

    /** A statement changing the tables (it may fail in SQLite, a duplicate key; then it is left out). */
    String change() {
        String t = pick(List.of("tab0", "tab1"));
        return switch (random.nextInt(4)) {
            case 0 -> "DELETE FROM " + t + " WHERE " + predicate(1, "");
            case 1 -> "UPDATE " + t + " SET col0 = " + number(1, "") + " WHERE " + predicate(1, "");
            case 2 -> "UPDATE " + t + " SET col2 = " + text(1, "") + ", col4 = col4 * 2 WHERE " + predicate(1, "");
            default -> row(t, nextKey++);
        };
    }

    /** One query and its sort mode ({@code nosort} when it orders its rows, else {@code rowsort}). */
    String[] query() {
        double r = random.nextDouble();
        String t = pick(List.of("tab0", "tab1"));
        if (r < 0.35) {
            int n = 1 + random.nextInt(3);
            String items = list(n, () -> switch (random.nextInt(4)) {
                case 0 -> "pk";
                case 1 -> number(1, "");
                case 2 -> text(1, "");
                default -> pick(random.nextBoolean() ? NUMBERS : TEXTS);
            });
            String q = "SELECT " + (random.nextBoolean() ? "DISTINCT " : "") + items + " FROM " + t + " WHERE " + predicate(2, "");
            if (random.nextDouble() < 0.6) {
                StringBuilder order = new StringBuilder(" ORDER BY ");
                for (int i = 0, terms = 1 + random.nextInt(n); i < terms; i++) {
                    order.append(1 + random.nextInt(n)).append(pick(List.of("", " DESC", " ASC"))).append(", ");
                }
                for (int i = 1; i <= n; i++) {
                    order.append(i).append(i < n ? ", " : "");
                }
                q += order;
                if (random.nextDouble() < 0.4) {
                    q += " LIMIT " + random.nextInt(7) + (random.nextBoolean() ? " OFFSET " + random.nextInt(4) : "");
                }
                return new String[] {q, "nosort"};
            }
            return new String[] {q, "rowsort"};
        }
        if (r < 0.50) {
            String c = pick(random.nextBoolean() ? NUMBERS : TEXTS);
            return new String[] {"SELECT " + c + " FROM tab0 WHERE " + predicate(1, "") + " "
                    + pick(List.of("UNION", "UNION ALL", "EXCEPT", "INTERSECT")) + " SELECT " + c + " FROM tab1 WHERE "
                    + predicate(1, ""), "rowsort"};
        }
        if (r < 0.62) {
            String items = list(1 + random.nextInt(2), () -> pick(List.of("x.c", "x.k", "x.c * 2", "x.k || 'x'")));
            return new String[] {"SELECT " + items + " FROM (SELECT pk AS k, " + number(1, "") + " AS c FROM " + t + " WHERE "
                    + predicate(1, "") + ") AS x WHERE x.c " + pick(List.of("<", ">", "<>")) + " " + random.nextInt(101), "rowsort"};
        }
        if (r < 0.75) {
            return new String[] {"SELECT pk, (SELECT " + pick(List.of("MAX", "MIN", "COUNT", "SUM")) + "(y.col0) FROM tab1 AS y WHERE y.col3 "
                    + pick(List.of("<", ">", "=")) + " x.col3) FROM tab0 AS x WHERE " + predicate(1, "x."), "rowsort"};
        }
        if (r < 0.88) {
            String g = pick(List.of("col0 % 3", "col2", "col5", "col3 > 50", "LENGTH(col2)"));
            String agg = pick(List.of("COUNT(*)", "SUM(col0)", "MAX(col1)", "MIN(col2)", "AVG(col3)", "COUNT(DISTINCT col5)", "TOTAL(col4)"));
            String q = "SELECT " + g + ", " + agg + " FROM " + t + " GROUP BY " + g;
            if (random.nextDouble() < 0.3) {
                q += " HAVING COUNT(*) > " + random.nextInt(3);
            }
            return random.nextBoolean() ? new String[] {q + " ORDER BY 1", "nosort"} : new String[] {q, "rowsort"};
        }
        String on = "a.col3 " + pick(List.of("=", "<")) + " b.col0" + (random.nextBoolean() ? " AND " + predicate(0, "b.") : "");
        return new String[] {"SELECT a.pk, b.pk, " + number(0, "b.") + " FROM tab0 AS a " + pick(List.of("JOIN", "LEFT JOIN"))
                + " tab1 AS b ON " + on + " WHERE " + predicate(0, "a."), "rowsort"};
    }

    private String row(String table, int pk) {
        return "INSERT INTO " + table + " VALUES(" + pk + "," + value('I') + "," + value('R') + "," + value('T') + ","
                + value('I') + "," + value('R') + "," + value('T') + ")";
    }

    private String value(char kind) {
        if (random.nextDouble() < 0.1) {
            return "NULL";
        }
        return switch (kind) {
            case 'I' -> Integer.toString(random.nextInt(-20, 201));
            case 'R' -> Double.toString(Math.round(random.nextDouble(-50, 500) * 100) / 100.0);
            default -> "'" + pick(WORDS) + "'";
        };
    }

    private String number(int depth, String a) {
        double r = random.nextDouble();
        if (depth <= 0 || r < 0.4) {
            return random.nextDouble() < 0.7 ? a + pick(NUMBERS) : Integer.toString(random.nextInt(-5, 101));
        }
        if (r < 0.7) {
            return number(depth - 1, a) + " " + pick(List.of("+", "-", "*", "/", "%")) + " " + number(depth - 1, a);
        }
        if (r < 0.8) {
            return pick(List.of("-", "+")) + " " + number(depth - 1, a);
        }
        if (r < 0.9) {
            return random.nextBoolean() ? "ABS(" + number(depth - 1, a) + ")" : "COALESCE(" + number(depth - 1, a) + ", " + number(0, a) + ")";
        }
        return "CASE WHEN " + predicate(depth - 1, a) + " THEN " + number(depth - 1, a) + " ELSE " + number(depth - 1, a) + " END";
    }

    private String text(int depth, String a) {
        double r = random.nextDouble();
        if (depth <= 0 || r < 0.5) {
            return random.nextDouble() < 0.7 ? a + pick(TEXTS) : "'" + pick(WORDS) + "'";
        }
        if (r < 0.7) {
            return text(depth - 1, a) + " || " + (random.nextDouble() < 0.6 ? text(depth - 1, a) : a + pick(INTEGERS));
        }
        if (r < 0.85) {
            return pick(List.of("UPPER", "LOWER", "TRIM")) + "(" + text(depth - 1, a) + ")";
        }
        return "SUBSTR(" + text(depth - 1, a) + ", " + random.nextInt(-3, 5) + (random.nextBoolean() ? ", " + random.nextInt(4) : "") + ")";
    }

    private String predicate(int depth, String a) {
        double r = random.nextDouble();
        String not = random.nextBoolean() ? "NOT " : "";
        if (depth <= 0 || r < 0.3) {
            if (random.nextDouble() < 0.7) {
                return number(1, a) + " " + pick(List.of("=", "<>", "<", ">", "<=", ">=")) + " " + number(1, a);
            }
            return text(1, a) + " " + pick(List.of("=", "<>", "<", ">")) + " " + text(1, a);
        }
        if (r < 0.4) {
            return a + pick(random.nextBoolean() ? NUMBERS : TEXTS) + " IS " + not + "NULL";
        }
        if (r < 0.5) {
            return number(0, a) + " " + not + "BETWEEN " + number(0, a) + " AND " + number(0, a);
        }
        if (r < 0.58) {
            return a + pick(NUMBERS) + " " + not + "IN (" + list(1 + random.nextInt(5), () -> Integer.toString(random.nextInt(-5, 101))) + ")";
        }
        if (r < 0.64) {
            return a + pick(TEXTS) + " " + not + "LIKE '" + pick(List.of("a%", "%b%", "_b_", "%", "A%", "a%c")) + "'";
        }
        if (r < 0.70) {
            return a + "col0 IN (SELECT col3 FROM tab" + random.nextInt(2) + " WHERE " + predicate(0, "") + ")";
        }
        if (r < 0.75) {
            return not + "EXISTS (SELECT 1 FROM tab1 AS x WHERE x.col0 " + pick(List.of("=", "<", ">")) + " "
                    + (a.isEmpty() ? "tab0." : a) + "col3)";
        }
        if (r < 0.88) {
            return "(" + predicate(depth - 1, a) + " " + pick(List.of("AND", "OR")) + " " + predicate(depth - 1, a) + ")";
        }
        return "NOT (" + predicate(depth - 1, a) + ")";
    }

    private static String list(int n, Supplier<String> item) {
        return RandomSql.list(n, item);
    }

    private String pick(List<String> options) {
        return RandomSql.pick(random, options);
    }
}
