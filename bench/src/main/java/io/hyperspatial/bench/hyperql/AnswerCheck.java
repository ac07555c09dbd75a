package io.hyperspatial.bench.hyperql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks before timing that every system answers the same: the exact queries must return the same
 * rows as the reference system (SQLite), in any order; the k-NN query of ours is approximate (an
 * HNSW index), so its recall@k against the reference's exact answer is measured instead. A system
 * that answers wrongly stops the benchmark: its timings would mean nothing. Stateless.
 */
final class AnswerCheck {
    private AnswerCheck() {
    }

    /** Throws when {@code actual} does not hold the same rows as {@code expected}. */
    static void sameRows(BenchQuery query, String system, Object[] parameters, List<List<Object>> expected,
                         List<List<Object>> actual) {
        if (!sorted(expected).equals(sorted(actual))) {
            throw new IllegalStateException(system + " answers " + query.key() + " with " + java.util.Arrays.deepToString(parameters)
                    + " differently: " + abbreviated(actual) + " instead of " + abbreviated(expected));
        }
    }

    /** The fraction of the expected rows' first column (the id) found in the actual rows. */
    static double recall(List<List<Object>> expected, List<List<Object>> actual) {
        if (expected.isEmpty()) {
            return 1.0;
        }
        Set<Object> ids = new HashSet<>();
        actual.forEach(row -> ids.add(row.getFirst()));
        long found = expected.stream().filter(row -> ids.contains(row.getFirst())).count();
        return (double) found / expected.size();
    }

    private static List<String> sorted(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.toString()));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static String abbreviated(List<List<Object>> rows) {
        String text = rows.toString();
        return text.length() > 300 ? text.substring(0, 300) + "… (" + rows.size() + " rows)" : text;
    }
}
