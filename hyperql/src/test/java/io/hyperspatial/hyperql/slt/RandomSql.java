package io.hyperspatial.hyperql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random SQL in the style of SQLite's sqllogictest {@code random/} suites (three tables of three
 * small integer columns; expressions with unary signs, CAST, CASE, COALESCE, NULLIF, scalar
 * subqueries; predicates with BETWEEN, IN lists and subqueries, IS; aggregates with DISTINCT,
 * GROUP BY, HAVING; cross and inner joins; bare columns), for differential tests against SQLite.
 * A fixed seed gives the same script.
 */
final class RandomSql {
    static final List<String> TABLES = List.of("tab0", "tab1", "tab2");
    private static final List<String> COLUMNS = List.of("col0", "col1", "col2");
    private static final List<String> JOINED = List.of("cor0.col0", "cor0.col1", "cor0.col2", "cor1.col0", "cor1.col1", "cor1.col2");

    private final SplittableRandom random;

    RandomSql(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The statements creating and filling the tables: three rows each. */
    List<String> schema() {
        List<String> statements = new ArrayList<>();
        for (String t : TABLES) {
            statements.add("CREATE TABLE " + t + "(col0 INTEGER, col1 INTEGER, col2 INTEGER)");
            for (int i = 0; i < 3; i++) {
                statements.add("INSERT INTO " + t + " VALUES(" + random.nextInt(100) + "," + random.nextInt(100) + ","
                        + random.nextInt(100) + ")");
            }
        }
        return statements;
    }

    /** One query. */
    String query() {
        double r = random.nextDouble();
        String table = pick(TABLES);
        String alias = random.nextDouble() < 0.4 ? "cor0" : null;
        String from = alias != null ? table + " AS cor0" : table;
        String select = pick(List.of("SELECT", "SELECT", "SELECT ALL", "SELECT DISTINCT"));
        String where = random.nextDouble() < 0.5 ? " WHERE " + predicate(2, alias, COLUMNS, false) : "";
        if (r < 0.40) {
            return select + " " + list(1 + random.nextInt(3), () -> expr(2, alias, COLUMNS, false)) + " FROM " + from + where;
        }
        if (r < 0.58) {
            return select + " " + list(1 + random.nextInt(2),
                    () -> random.nextDouble() < 0.3 ? expr(1, alias, COLUMNS, true) : aggregate(alias, COLUMNS))
                    + " FROM " + from + where;
        }
        if (r < 0.75) {
            String g = pick(COLUMNS);
            String key = alias != null && random.nextDouble() < 0.3 ? alias + "." + g : g;
            String having = random.nextDouble() < 0.4 ? " HAVING " + predicate(1, alias, COLUMNS, true) : "";
            String first = pick(List.of(key, "- " + key, key + " * " + (1 + random.nextInt(9))));
            String second = aggregate(alias, COLUMNS);
            String items = random.nextBoolean() ? first + ", " + second : second + ", " + first;
            return select + " " + items + " FROM " + from + where + " GROUP BY " + key + having;
        }
        if (r < 0.85) {
            String star = pick(List.of("*", "cor0.*", "cor1.*, cor0.col1"));
            String w = random.nextBoolean() ? " WHERE " + predicate(1, null, List.of("cor0.col0", "cor1.col1", "cor0.col2"), false) : "";
            return select + " " + star + " FROM " + table + " AS cor0 CROSS JOIN " + pick(TABLES) + " AS cor1" + w;
        }
        if (r < 0.90) {
            return select + " " + expr(1, alias, COLUMNS, false) + " AS col1, " + column(alias, COLUMNS) + " FROM " + from
                    + where + " ORDER BY col1, 2 LIMIT 2";
        }
        String join = switch (random.nextInt(3)) {
            case 0 -> table + " AS cor0 CROSS JOIN " + pick(TABLES) + " AS cor1";
            case 1 -> table + " AS cor0, " + pick(TABLES) + " AS cor1";
            default -> table + " AS cor0 JOIN " + pick(TABLES) + " AS cor1 ON cor0.col0 " + pick(List.of("=", "<", ">="))
                    + " cor1.col" + random.nextInt(3);
        };
        String w = random.nextDouble() < 0.6 ? " WHERE " + predicate(1, null, JOINED, false) : "";
        return select + " " + list(1 + random.nextInt(3), () -> expr(1, null, JOINED, false)) + " FROM " + join + w;
    }

    private String literal() {
        double r = random.nextDouble();
        if (r < 0.1) {
            return "NULL";
        }
        if (r < 0.15) {
            return "CAST ( NULL AS SIGNED )";
        }
        if (r < 0.2) {
            return "CAST ( NULL AS INTEGER )";
        }
        return Integer.toString(random.nextInt(100));
    }

    private String column(String alias, List<String> columns) {
        String c = pick(columns);
        return alias != null && random.nextDouble() < 0.4 ? alias + "." + c : c;
    }

    private String expr(int depth, String alias, List<String> cols, boolean aggregates) {
        double r = random.nextDouble();
        Supplier<String> sub = () -> expr(depth - 1, alias, cols, aggregates);
        if (depth <= 0 || r < 0.25) {
            if (aggregates && random.nextBoolean()) {
                return aggregate(alias, cols);
            }
            return random.nextDouble() < 0.6 ? column(alias, cols) : literal();
        }
        if (r < 0.35) {
            return pick(List.of("-", "+", "- -", "- +")) + " " + sub.get();
        }
        if (r < 0.65) {
            return sub.get() + " " + pick(List.of("+", "-", "*", "*", "/", "%")) + " " + sub.get();
        }
        if (r < 0.70) {
            return "( " + sub.get() + " )";
        }
        if (r < 0.75) {
            return "ABS ( " + sub.get() + " )";
        }
        if (r < 0.80) {
            return "COALESCE ( " + sub.get() + ", " + sub.get() + " )";
        }
        if (r < 0.84) {
            return "NULLIF ( " + sub.get() + ", " + sub.get() + " )";
        }
        if (r < 0.89) {
            return "CASE WHEN " + predicate(depth - 1, alias, cols, aggregates) + " THEN " + sub.get() + " ELSE " + sub.get() + " END";
        }
        if (r < 0.92) {
            return "CASE " + sub.get() + " WHEN " + literal() + " THEN " + sub.get() + " END";
        }
        if (r < 0.96) {
            return "CAST ( " + sub.get() + " AS " + pick(List.of("INTEGER", "REAL", "SIGNED", "DECIMAL")) + " )";
        }
        return "( SELECT " + pick(List.of("MAX", "MIN", "COUNT", "SUM")) + " ( col" + random.nextInt(3) + " ) FROM " + pick(TABLES) + " )";
    }

    private String aggregate(String alias, List<String> cols) {
        String sign = pick(List.of("", "- ", "+ "));
        String f = pick(List.of("COUNT", "SUM", "MIN", "MAX", "AVG", "COUNT"));
        if (f.equals("COUNT") && random.nextDouble() < 0.4) {
            return sign + "COUNT ( * )";
        }
        String quantifier = random.nextDouble() < 0.3 ? "DISTINCT " : random.nextDouble() < 0.1 ? "ALL " : "";
        return sign + f + " ( " + quantifier + expr(1, alias, cols, false) + " )";
    }

    private String predicate(int depth, String alias, List<String> cols, boolean aggregates) {
        double r = random.nextDouble();
        Supplier<String> e = () -> expr(Math.max(0, depth - 1), alias, cols, aggregates);
        Supplier<String> sub = () -> predicate(depth - 1, alias, cols, aggregates);
        String not = random.nextBoolean() ? "NOT " : "";
        if (depth <= 0 || r < 0.35) {
            return e.get() + " " + pick(List.of("=", "<>", "<", ">", "<=", ">=", "!=")) + " " + e.get();
        }
        if (r < 0.45) {
            return e.get() + " IS " + not + "NULL";
        }
        if (r < 0.55) {
            return e.get() + " " + not + "BETWEEN " + e.get() + " AND " + e.get();
        }
        if (r < 0.63) {
            return e.get() + " " + not + "IN ( " + list(1 + random.nextInt(4), this::literal) + " )";
        }
        if (r < 0.67 && !aggregates) {
            return column(alias, cols) + " " + not + "IN ( SELECT col" + random.nextInt(3) + " FROM " + pick(TABLES) + " )";
        }
        if (r < 0.75) {
            return switch (random.nextInt(5)) {
                case 0 -> e.get() + " " + not + "IN ( " + column(alias, cols) + ", " + e.get() + " )";
                case 1 -> e.get() + " " + not + "IN ( )";
                case 2 -> "NOT " + e.get() + " BETWEEN " + e.get() + " AND " + e.get();
                case 3 -> "NOT ( " + column(alias, cols) + " ) IN ( " + literal() + ", " + literal() + " )";
                default -> e.get() + " IS " + not + e.get();
            };
        }
        if (r < 0.85) {
            return sub.get() + " " + pick(List.of("AND", "OR")) + " " + sub.get();
        }
        if (r < 0.92) {
            return "NOT " + sub.get();
        }
        return "( " + sub.get() + " )";
    }

    /** {@code n} items joined with commas (shared with {@link RandomTypedSql}). */
    static String list(int n, Supplier<String> item) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(item.get());
        }
        return String.join(", ", items);
    }

    /** One of the options, drawn from {@code random} (shared with {@link RandomTypedSql}). */
    static String pick(SplittableRandom random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String pick(List<String> options) {
        return pick(random, options);
    }
}
