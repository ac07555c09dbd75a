package io.hyperspatial.hyperql.slt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against SQLite itself (xerial's sqlite-jdbc, an in-memory database): random
 * queries in the style of the sqllogictest {@code random/} suites ({@link RandomSql}), each run
 * on SQLite to write its expected result into a sqllogictest script, which {@link SltRunner} then
 * runs on HyperQL. Queries SQLite rejects, and results with a column of mixed types, are left out.
 * Every seed must pass whole; a failure prints the query with both results.
 */
class SqliteDifferentialTest {
    private static final int QUERIES = 400;
    private static final int HASH_THRESHOLD = 8;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void hyperQlAnswersRandomQueriesAsSqliteDoes(long seed) throws SQLException {
        RandomSql sql = new RandomSql(seed);
        List<String> schema = sql.schema();
        List<String> script = new ArrayList<>(List.of("hash-threshold " + HASH_THRESHOLD, ""));
        int queries = 0;
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = sqlite.createStatement()) {
            for (String statement : schema) {
                s.execute(statement);
                script.addAll(List.of("statement ok", statement, ""));
            }
            for (int tries = 0; queries < QUERIES && tries < 4 * QUERIES; tries++) {
                String query = sql.query();
                List<String> record = expected(s, query);
                if (record != null) {
                    script.addAll(record);
                    queries++;
                }
            }
        }

        SltFileResult result = SltRunner.run(script, "random seed " + seed);

        assertThat(queries).as("queries SQLite answered").isGreaterThan(QUERIES * 9 / 10);
        assertThat(result.failures()).as(result.summary()).isEmpty();
        assertThat(result.passed()).isEqualTo(schema.size() + queries);
    }

    /** The sqllogictest record of a query with SQLite's answer, or null to leave it out. */
    private static List<String> expected(Statement s, String query) {
        List<List<Object>> rows = new ArrayList<>();
        int columns;
        try (ResultSet rs = s.executeQuery(query)) {
            columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    Object v = rs.getObject(c);
                    row.add(v instanceof Integer i ? Long.valueOf(i) : v);
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
        List<String> values = ResultFormat.values(rows, types.toString(), SltRecord.SortMode.ROWSORT);
        List<String> record = new ArrayList<>(List.of("query " + types + " rowsort", query, "----"));
        if (values.size() > HASH_THRESHOLD) {
            record.add(values.size() + " values hashing to " + ResultFormat.md5(values));
        } else {
            record.addAll(values);
        }
        record.add("");
        return record;
    }
}
