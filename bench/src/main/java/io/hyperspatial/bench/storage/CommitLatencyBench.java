package io.hyperspatial.bench.storage;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measurement 1: latency of one strict (fsynced) commit of one logical operation, by a single
 * writer. Each system first commits {@code warmup} operations untimed, then {@code ops} timed
 * ones split into interleaved rounds. Both write the same entity chain into their own store.
 */
final class CommitLatencyBench {
    static final String NAME = "strict_commit_latency";

    /** The report line, and each system's single-writer commits per second (for measurement 2). */
    record Result(JsonObject json, Map<String, Double> commitsPerSecond) {
    }

    private CommitLatencyBench() {
    }

    static Result run(StorageTarget ours, StorageTarget raw, List<EntitySpec> specs, int warmup, int ops, int rounds) {
        List<StorageTarget> targets = List.of(ours, raw);
        for (StorageTarget t : targets) {
            Progress.log("%s: %s warm-up, %,d commits", NAME, t.name(), warmup);
            for (int i = 0; i < warmup; i++) {
                t.commit(specs.get(i), true);
            }
        }
        Map<StorageTarget, Histogram> histograms = new LinkedHashMap<>();
        Map<StorageTarget, Long> elapsed = new LinkedHashMap<>();
        targets.forEach(t -> {
            histograms.put(t, Latencies.histogram());
            elapsed.put(t, 0L);
        });
        for (int r = 0; r < rounds; r++) {
            int from = warmup + Rounds.start(ops, rounds, r);
            int to = warmup + Rounds.start(ops, rounds, r + 1);
            for (StorageTarget t : Rounds.order(targets, r)) {
                Histogram h = histograms.get(t);
                long roundStart = System.nanoTime();
                for (int i = from; i < to; i++) {
                    long t0 = System.nanoTime();
                    t.commit(specs.get(i), true);
                    h.recordValue(System.nanoTime() - t0);
                }
                elapsed.merge(t, System.nanoTime() - roundStart, Long::sum);
                Progress.log("%s: round %d/%d %s p50 %.3f ms so far", NAME, r + 1, rounds, t.name(),
                        Latencies.p50(h, Latencies.Unit.MILLIS));
            }
        }

        JsonObject json = new JsonObject().put("measurement", NAME)
                .put("operation", "1 entity + 5 properties (string, int64, float64, bool, timestamp) + 1 edge to "
                        + "the previous entity; rows: header, 5 properties, edges_out, edges_in, change event")
                .put("durability", "ours: Durability.STRICT; raw: WriteOptions.setSync(true)")
                .put("writers", 1).put("warmup_ops", warmup).put("ops", ops).put("rounds", rounds);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (StorageTarget t : targets) {
            double rate = ops / (elapsed.get(t) / 1e9);
            rates.put(t.name(), rate);
            JsonObject side = Latencies.summarize(histograms.get(t), Latencies.Unit.MILLIS, new JsonObject())
                    .put("commits_per_s", rate);
            side.put("wal", t.walStats().toJson());
            json.put(t.name(), side);
        }
        double oursP50 = Latencies.p50(histograms.get(ours), Latencies.Unit.MILLIS);
        double ratio = oursP50 / Latencies.p50(histograms.get(raw), Latencies.Unit.MILLIS);
        json.put("ratio_p50", ratio)
                .put("ratio_commits_per_s", rates.get(ours.name()) / rates.get(raw.name()))
                .put("targets", List.of(
                        TargetCheck.atMost("strict commit p50 <= 0.5 ms", oursP50, 0.5).toJson(),
                        TargetCheck.atMost("strict commit p50 <= 1.2x raw synced write", ratio, 1.2).toJson()));
        return new Result(json, rates);
    }
}
