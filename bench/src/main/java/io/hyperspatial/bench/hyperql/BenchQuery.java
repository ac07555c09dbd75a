package io.hyperspatial.bench.hyperql;

import java.util.SplittableRandom;

/**
 * The queries of the HyperQL benchmark (issue 4's five and a recursive walk), with their text for HyperQL and for the SQL peers
 * (the same text except for the k-NN distance, which SQLite and H2 compute with a registered
 * function, {@link PeerFunctions#l2sq}), how their parameters are drawn, and how many executions
 * one round times. Parameters are drawn from a generator seeded per query, so every system gets
 * the same sequence.
 */
enum BenchQuery {
    /** Point lookup by the INTEGER primary key. */
    POINT("point lookup by key",
            "SELECT id, val, name, cat, owner FROM item WHERE id = ?",
            null, 20_000),
    /** 100 consecutive values of the indexed column. */
    RANGE("indexed range, 100 rows",
            "SELECT id, val, name FROM item WHERE val BETWEEN ? AND ?",
            null, 2_000),
    /** Every row, grouped into 100 groups. */
    GROUP_BY("full-scan GROUP BY",
            "SELECT cat, count(*), sum(val) FROM item GROUP BY cat",
            null, 20),
    /** 100 rows of the indexed range, each joined to its owner by the owner's primary key. */
    JOIN("2-table join, 100 rows",
            "SELECT i.id, i.name, o.name FROM item i JOIN owner o ON o.id = i.owner WHERE i.val BETWEEN ? AND ?",
            null, 2_000),
    /**
     * A recursive walk of 100 steps: from the row with a given id to the row whose id is its
     * {@code val} + 1, each step a lookup by primary key (not one of issue 4's targets; it measures
     * the recursive WITH).
     */
    WALK("recursive WITH, 100 key lookups",
            "WITH RECURSIVE walk(id, val, n) AS (SELECT id, val, 1 FROM item WHERE id = ?"
                    + " UNION ALL SELECT item.id, item.val, walk.n + 1 FROM walk JOIN item ON item.id = walk.val + 1"
                    + " WHERE walk.n < 100) SELECT id, val FROM walk",
            null, 2_000),
    /** The 10 nearest rows among the 10% with {@code cat < 10}. */
    KNN("filtered k-NN, k=10, 10% pass",
            "SELECT id, name FROM item WHERE cat < 10 ORDER BY emb <-> ? LIMIT 10",
            "SELECT id, name FROM item WHERE cat < 10 ORDER BY l2sq(emb, ?) LIMIT 10", 300);

    /** How many rows the k-NN query returns. */
    static final int K = 10;

    private final String title;
    private final String hyperql;
    private final String peerSql;
    private final int executions;

    BenchQuery(String title, String hyperql, String peerSql, int executions) {
        this.title = title;
        this.hyperql = hyperql;
        this.peerSql = peerSql == null ? hyperql : peerSql;
        this.executions = executions;
    }

    /** A short description for reports. */
    String title() {
        return title;
    }

    /** The query as HyperQL runs it. */
    String hyperql() {
        return hyperql;
    }

    /** The query as SQLite and H2 run it. */
    String peerSql() {
        return peerSql;
    }

    /** The number of result columns. */
    int columns() {
        String last = hyperql.substring(hyperql.lastIndexOf("SELECT "));
        String list = last.substring("SELECT ".length(), last.indexOf(" FROM "));
        return list.split(",").length;
    }

    /** Timed executions per round at full scale. */
    int executions() {
        return executions;
    }

    /** The name used in reports and on the command line. */
    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The parameter values of {@code count} executions, one array per execution. Integers are
     * {@code Long}s, vectors {@code float[]}.
     */
    Object[][] parameters(BenchDataset data, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 31 + ordinal());
        Object[][] out = new Object[count][];
        for (int i = 0; i < count; i++) {
            out[i] = switch (this) {
                case POINT, WALK -> new Object[]{1L + random.nextInt(data.rows())};
                case RANGE, JOIN -> {
                    long low = random.nextInt(data.rows() - 99);
                    yield new Object[]{low, low + 99};
                }
                case GROUP_BY -> new Object[0];
                case KNN -> new Object[]{BenchDataset.gaussian(random, data.dim())};
            };
        }
        return out;
    }
}
