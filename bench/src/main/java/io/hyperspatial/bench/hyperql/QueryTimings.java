package io.hyperspatial.bench.hyperql;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latencies of every (query, system) pair, round by round: each round's executions go into a
 * histogram, and what is reported is the median over rounds of each round's p50 and p99 (the
 * machine is shared, so a single round can be disturbed). Not thread-safe.
 */
final class QueryTimings {
    private final Map<BenchQuery, Map<String, List<double[]>>> rounds = new EnumMap<>(BenchQuery.class);

    /** A fresh histogram of nanosecond latencies up to ten minutes. */
    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    }

    /** Records one round's histogram of a query on a system. */
    void add(BenchQuery query, String system, Histogram h) {
        rounds.computeIfAbsent(query, q -> new LinkedHashMap<>()).computeIfAbsent(system, s -> new ArrayList<>())
                .add(new double[]{h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getTotalCount()});
    }

    /** The queries timed, in the order of {@link BenchQuery}. */
    List<BenchQuery> queries() {
        return List.copyOf(rounds.keySet());
    }

    /** Whether the query was timed. */
    boolean has(BenchQuery query) {
        return rounds.containsKey(query);
    }

    /** The median over rounds of the p50 in µs. */
    double p50(BenchQuery query, String system) {
        return median(query, system, 0);
    }

    /** The median over rounds of the p99 in µs. */
    double p99(BenchQuery query, String system) {
        return median(query, system, 1);
    }

    /** Executions timed, over all rounds. */
    long executions(BenchQuery query, String system) {
        long n = 0;
        for (double[] r : rounds.get(query).get(system)) {
            n += (long) r[2];
        }
        return n;
    }

    /** Each round's p50 in µs, in order. */
    double[] roundP50s(BenchQuery query, String system) {
        return rounds.get(query).get(system).stream().mapToDouble(r -> r[0]).toArray();
    }

    private double median(BenchQuery query, String system, int field) {
        double[] values = rounds.get(query).get(system).stream().mapToDouble(r -> r[field]).toArray();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
