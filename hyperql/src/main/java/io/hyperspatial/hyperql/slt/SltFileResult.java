package io.hyperspatial.hyperql.slt;

import java.util.List;

/**
 * The outcome of running one sqllogictest file.
 *
 * @param file     the file as named on the command line or in the test
 * @param passed   records whose outcome matched
 * @param failed   records whose outcome did not match
 * @param skipped  records guarded away by {@code onlyif}/{@code skipif}
 * @param failures details of the failed records, in file order
 */
public record SltFileResult(String file, int passed, int failed, int skipped, List<Failure> failures) {

    /**
     * A record that did not pass.
     *
     * @param line     where the record starts
     * @param sql      its SQL
     * @param expected what the file expected
     * @param actual   what the engine produced (or the error it raised)
     */
    public record Failure(int line, String sql, String expected, String actual) {
        @Override
        public String toString() {
            return "line " + line + ": " + sql.replace('\n', ' ') + "\n    expected: " + expected + "\n    actual:   " + actual;
        }
    }

    /** The per-file summary line: {@code FILE: N passed, N failed, N skipped}. */
    public String summary() {
        return file + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
