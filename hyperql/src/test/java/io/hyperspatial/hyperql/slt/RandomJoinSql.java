package io.hyperspatial.hyperql.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random SQL over three related tables and a view: inner, LEFT, USING and NATURAL joins, ON
 * clauses with subqueries, subqueries with ORDER BY and LIMIT, scalar subqueries of several rows
 * (their first row counts), string functions, GROUP BY with DISTINCT aggregates; and between the
 * queries UPDATE and DELETE with subqueries, INSERT … SELECT, REPLACE and INSERT OR IGNORE, which
 * reorder keys, for differential tests. A fixed seed gives the same script.
 */
final class RandomJoinSql {
    private static final List<String> WORDS = List.of("apple", "Banana", "cherry", "date", "Elder", "fig", "grape", "", "kiwi", "lemon");

    private final SplittableRandom random;

    RandomJoinSql(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The statements creating and filling the tables and the view. */
    List<String> schema() {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT, grp INTEGER, score INTEGER)");
        statements.add("CREATE TABLE q(id INTEGER PRIMARY KEY, pid INTEGER, tag TEXT, score INTEGER)");
        statements.add("CREATE TABLE r(grp INTEGER, label TEXT)");
        for (int i = 1; i < 16; i++) {
            statements.add("INSERT INTO p VALUES(" + i + ", " + text() + ", " + (1 + random.nextInt(4)) + ", " + number() + ")");
        }
        for (int i = 1; i < 25; i++) {
            statements.add("INSERT INTO q VALUES(" + i + ", " + random.nextInt(18) + ", " + text() + ", " + number() + ")");
        }
        for (int g = 1; g < 6; g++) {
            statements.add("INSERT INTO r VALUES(" + g + ", " + text() + ")");
        }
        statements.add("CREATE VIEW pv AS SELECT id, name, grp, score * 2 AS s2 FROM p WHERE score IS NOT NULL");
        return statements;
    }

    /** A statement changing the tables (SQLite may reject it; it is then left out). */
    String change() {
        return switch (random.nextInt(7)) {
            case 0 -> "UPDATE p SET score = score + " + (1 + random.nextInt(5)) + " WHERE grp = " + (1 + random.nextInt(4));
            case 1 -> "UPDATE p SET name = (SELECT tag FROM q WHERE q.pid = p.id ORDER BY id LIMIT 1) WHERE id % " + (2 + random.nextInt(4)) + " = 0";
            case 2 -> "DELETE FROM q WHERE pid IN (SELECT id FROM p WHERE grp = " + (1 + random.nextInt(4)) + ")";
            case 3 -> "INSERT INTO q(pid, tag, score) SELECT id, name, score FROM p WHERE grp = " + (1 + random.nextInt(4));
            case 4 -> "REPLACE INTO p VALUES(" + (1 + random.nextInt(20)) + ", " + text() + ", " + (1 + random.nextInt(4)) + ", " + number() + ")";
            case 5 -> "INSERT OR IGNORE INTO p VALUES(" + (1 + random.nextInt(20)) + ", " + text() + ", " + (1 + random.nextInt(4)) + ", " + number() + ")";
            default -> "DELETE FROM p WHERE score > " + (15 + random.nextInt(16));
        };
    }

    /** One query and its sort mode. */
    String[] query() {
        double r = random.nextDouble();
        if (r < 0.2) {
            String on = pick(List.of("p.id = q.pid", "p.id = q.pid AND q.score > p.score", "p.score = q.score",
                    "q.pid IN (SELECT id FROM p AS z WHERE z.grp = p.grp)", "p.id = q.pid OR q.tag = p.name"));
            String where = pick(List.of("", " WHERE q.id IS NULL", " WHERE p.grp > 2", " WHERE q.tag IS NOT NULL AND p.score < 20"));
            return rows("SELECT p.id, q.id, " + pick(List.of("q.score", "p.name", "COALESCE(q.tag, p.name)")) + " FROM p "
                    + pick(List.of("JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "INNER JOIN")) + " q ON " + on + where);
        }
        if (r < 0.3) {
            String items = pick(List.of("grp", "label", "p.id", "COUNT(*)")) + (random.nextBoolean() ? ", " + pick(List.of("name", "label")) : "");
            String join = pick(List.of("JOIN r USING (grp)", "LEFT JOIN r USING (grp)", "NATURAL JOIN r", "LEFT JOIN r ON p.grp = r.grp"));
            return rows("SELECT " + items + " FROM p " + join + (random.nextDouble() < 0.3 ? " GROUP BY 1" : ""));
        }
        if (r < 0.42) {
            return rows("SELECT id, " + textExpr() + " FROM p WHERE " + pick(List.of("grp < 3", "name IS NOT NULL", "score > 10", "1")));
        }
        if (r < 0.52) {
            return rows("SELECT id, name FROM p WHERE id IN (SELECT pid FROM q ORDER BY score" + pick(List.of("", " DESC"))
                    + ", id LIMIT " + random.nextInt(5) + ")");
        }
        if (r < 0.6) {
            return rows("SELECT id, (SELECT " + pick(List.of("tag", "score", "id")) + " FROM q WHERE q.pid = p.id"
                    + pick(List.of("", " ORDER BY id", " ORDER BY id DESC")) + ") FROM p");
        }
        if (r < 0.7) {
            String g = pick(List.of("grp", "score % 3", "LENGTH(name)", "name IS NULL", "grp * 2 - 1"));
            String agg = pick(List.of("COUNT(DISTINCT name)", "SUM(DISTINCT score)", "MAX(name)", "MIN(score)", "COUNT(score)",
                    "GROUP_CONCAT(DISTINCT grp)", "GROUP_CONCAT(id)"));
            return new String[] {"SELECT " + g + ", " + agg + " FROM p GROUP BY " + g
                    + (random.nextDouble() < 0.3 ? " HAVING COUNT(*) > 1" : "") + " ORDER BY 1", "nosort"};
        }
        if (r < 0.8) {
            String cols = pick(List.of("id, name, s2", "grp, MAX(s2)", "COUNT(*), SUM(s2)"));
            String cond = pick(List.of("grp IN (1, 3)", "s2 > 10", "name LIKE '%e%'", "1"));
            return rows("SELECT " + cols + " FROM pv WHERE " + cond + (cols.contains("MAX") ? " GROUP BY grp" : ""));
        }
        if (r < 0.9) {
            return new String[] {"SELECT * FROM (SELECT id, score FROM p ORDER BY score" + pick(List.of("", " DESC")) + ", id LIMIT "
                    + (1 + random.nextInt(6)) + ") AS t ORDER BY id", "nosort"};
        }
        return rows("SELECT " + pick(List.of("id", "tag")) + " FROM q WHERE " + pick(List.of(
                "EXISTS (SELECT 1 FROM p WHERE p.id = q.pid AND p.grp = 2)", "score > (SELECT AVG(score) FROM q AS z WHERE z.pid = q.pid)",
                "pid NOT IN (SELECT id FROM p WHERE score IS NULL)", "tag IN (SELECT name FROM p)")));
    }

    private String textExpr() {
        return switch (random.nextInt(14)) {
            case 0 -> "UPPER(name)";
            case 1 -> "LOWER(name)";
            case 2 -> "LENGTH(name)";
            case 3 -> "SUBSTR(name, " + random.nextInt(-4, 5) + ", " + random.nextInt(5) + ")";
            case 4 -> "REPLACE(name, '" + pick(List.of("a", "e", "i", "E")) + "', '" + pick(List.of("", "X", "yy")) + "')";
            case 5 -> "INSTR(name, '" + pick(List.of("a", "e", "l", "n")) + "')";
            case 6 -> "TRIM(name, '" + pick(List.of("a", "ae", "E")) + "')";
            case 7 -> "name || '-' || grp";
            case 8 -> "COALESCE(name, 'none')";
            case 9 -> "name LIKE '" + pick(List.of("%a%", "b%", "_i%", "%E")) + "'";
            case 10 -> "name GLOB '" + pick(List.of("*a*", "B*", "?i*")) + "'";
            case 11 -> "name > 'c'";
            case 12 -> "NULLIF(name, 'fig')";
            default -> "TYPEOF(name)";
        };
    }

    private String[] rows(String sql) {
        return new String[] {sql, "rowsort"};
    }

    private String text() {
        return random.nextDouble() < 0.1 ? "NULL" : "'" + pick(WORDS) + "'";
    }

    private String number() {
        return random.nextDouble() < 0.1 ? "NULL" : Integer.toString(random.nextInt(31));
    }

    private String pick(List<String> options) {
        return RandomSql.pick(random, options);
    }
}
