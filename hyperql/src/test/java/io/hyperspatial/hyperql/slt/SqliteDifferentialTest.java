package io.hyperspatial.hyperql.slt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against SQLite itself (xerial's sqlite-jdbc, an in-memory database): random
 * queries in the style of the sqllogictest {@code random/} suites ({@link RandomSql}), of its
 * {@code index/} suites with changes between them ({@link RandomTypedSql}), over columns of
 * every affinity holding mixed values ({@link RandomAffinitySql}), and of joins, subqueries and
 * changes that reorder keys ({@link RandomJoinSql}), and recursive WITH
 * ({@link RandomRecursiveSql}), each run on SQLite to
 * write its expected result into a sqllogictest script, which {@link SltRunner} then runs on
 * HyperQL. Queries SQLite rejects, and results with a column of mixed types, are left out. Every
 * seed must pass whole; a failure prints the query with both results.
 */
class SqliteDifferentialTest {
    private static final int QUERIES = 400;
    private static final int HASH_THRESHOLD = 8;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hyperQlAnswersRandomQueriesAsSqliteDoes(long seed) throws SQLException {
        RandomSql sql = new RandomSql(seed);
        check("random seed " + seed, sql.schema(), () -> new String[] {sql.query(), "rowsort"}, null);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hyperQlAnswersTypedQueriesBetweenChangesAsSqliteDoes(long seed) throws SQLException {
        RandomTypedSql sql = new RandomTypedSql(seed);
        check("typed seed " + seed, sql.schema(), sql::query, sql::change);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hyperQlConvertsBetweenAffinitiesAsSqliteDoes(long seed) throws SQLException {
        RandomAffinitySql sql = new RandomAffinitySql(seed);
        check("affinity seed " + seed, sql.schema(), sql::query, null);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hyperQlJoinsAndChangesRowsAsSqliteDoes(long seed) throws SQLException {
        RandomJoinSql sql = new RandomJoinSql(seed);
        check("join seed " + seed, sql.schema(), sql::query, sql::change);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hyperQlRunsRecursiveQueriesAsSqliteDoes(long seed) throws SQLException {
        RandomRecursiveSql sql = new RandomRecursiveSql(seed);
        check("recursive seed " + seed, sql.schema(), sql::query, sql::change);
    }

    /**
     * Runs the schema and {@link #QUERIES} queries (each with its sort mode) on SQLite, with a
     * change between them now and then when {@code changes} is given, then the script on HyperQL.
     */
    private static void check(String name, List<String> schema, Supplier<String[]> queries, Supplier<String> changes)
            throws SQLException {
        List<String> script = new ArrayList<>(List.of("hash-threshold " + HASH_THRESHOLD, ""));
        int statements = schema.size();
        int answered = 0;
        SplittableRandom coin = new SplittableRandom(name.hashCode());
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = sqlite.createStatement()) {
            for (String statement : schema) {
                s.execute(statement);
                script.addAll(List.of("statement ok", statement, ""));
            }
            for (int tries = 0; answered < QUERIES && tries < 4 * QUERIES; tries++) {
                if (changes != null && coin.nextDouble() < 0.04) {
                    String change = changes.get();
                    try {
                        s.execute(change);
                        script.addAll(List.of("statement ok", change, ""));
                        statements++;
                    } catch (SQLException e) {
                        // SQLite rejects it (a duplicate key): left out.
                    }
                    continue;
                }
                String[] query = queries.get();
                List<String> record = expected(s, query[0], query[1]);
                if (record != null) {
                    script.addAll(record);
                    answered++;
                }
            }
        }

        SltFileResult result = SltRunner.run(script, name);

        assertThat(answered).as("queries SQLite answered").isGreaterThan(QUERIES * 3 / 4);
        assertThat(result.failures()).as(result.summary()).isEmpty();
        assertThat(result.passed()).isEqualTo(statements + answered);
    }

    /** The sqllogictest record of a query with SQLite's answer, or null to leave it out. */
    private static List<String> expected(Statement s, String query, String sort) {
        List<List<Object>> rows = new ArrayList<>();
        int columns;
        try (ResultSet rs = s.executeQuery(query)) {
            columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    // A blob prints as its bytes' text, as the reference driver's sqlite3_column_text.
                    row.add(v instanceof Integer i ? Long.valueOf(i)
                            : v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            return null;
        }
        StringBuilder types = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            Set<Character> kinds = new HashSet<>();
            for (List<Object> row : rows) {
                Object v = row.get(c);
                if (v != null) {
                    kinds.add(v instanceof Long ? 'I' : v instanceof Double ? 'R' : 'T');
                }
            }
            if (kinds.size() > 1) {
                return null;
            }
            types.append(kinds.isEmpty() ? 'I' : kinds.iterator().next());
        }
        SltRecord.SortMode mode = sort.equals("nosort") ? SltRecord.SortMode.NOSORT : SltRecord.SortMode.ROWSORT;
        List<String> values = ResultFormat.values(rows, types.toString(), mode);
        List<String> record = new ArrayList<>(List.of("query " + types + " " + sort, query, "----"));
        if (values.size() > HASH_THRESHOLD) {
            record.add(values.size() + " values hashing to " + ResultFormat.md5(values));
        } else {
            record.addAll(values);
        }
        record.add("");
        return record;
    }
}
