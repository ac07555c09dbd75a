package io.hyperspatial.bench.storage;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measurement 2: throughput of strict commits from several concurrent writers, each writing its
 * own entity chain. Concurrent synced writes should share fsyncs (RocksDB group commit), which
 * the WAL's writes-per-sync counter shows directly. Rounds interleave the systems; each round
 * starts all writers together and is timed until the last one finishes.
 */
final class ConcurrentCommitBench {
    static final String NAME = "concurrent_strict_commits";

    private ConcurrentCommitBench() {
    }

    /**
     * @param chains           one entity chain per writer, {@code warmup + ops} long
     * @param singleWriterRate commits per second of one writer, per system (from measurement 1)
     */
    static JsonObject run(StorageTarget ours, StorageTarget raw, List<List<EntitySpec>> chains, int warmup, int ops,
                          int rounds, Map<String, Double> singleWriterRate) {
        List<StorageTarget> targets = List.of(ours, raw);
        int writers = chains.size();
        for (StorageTarget t : targets) {
            Progress.log("%s: %s warm-up, %d writers x %,d commits", NAME, t.name(), writers, warmup);
            runWriters(t, chains, 0, warmup, null);
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
                long nanos = runWriters(t, chains, from, to, histograms.get(t));
                elapsed.merge(t, nanos, Long::sum);
                Progress.log("%s: round %d/%d %s %,.0f commits/s", NAME, r + 1, rounds, t.name(),
                        (double) (to - from) * writers / (nanos / 1e9));
            }
        }

        JsonObject json = new JsonObject().put("measurement", NAME)
                .put("operation", "same logical operation as " + CommitLatencyBench.NAME + ", each writer its own chain")
                .put("writers", writers).put("warmup_ops_per_writer", warmup).put("ops_per_writer", ops)
                .put("rounds", rounds);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (StorageTarget t : targets) {
            double rate = (double) ops * writers / (elapsed.get(t) / 1e9);
            rates.put(t.name(), rate);
            double single = singleWriterRate.get(t.name());
            json.put(t.name(), new JsonObject()
                    .put("commits_per_s", rate)
                    .put("single_writer_commits_per_s", single)
                    .put("speedup_over_single_writer", rate / single)
                    .put("commit_latency", Latencies.summarize(histograms.get(t), Latencies.Unit.MILLIS, new JsonObject()))
                    .put("wal", t.walStats().toJson()));
        }
        WalStats oursWal = ours.walStats();
        double oursRate = rates.get(ours.name());
        json.put("ratio_commits_per_s", oursRate / rates.get(raw.name()))
                .put("targets", List.of(
                        TargetCheck.atLeast("group commit: ours WAL writes per fsync >= 2 with " + writers + " writers",
                                oursWal.writesPerSync(), 2).toJson(),
                        TargetCheck.atLeast("group commit: ours " + writers + "-writer commits/s > single-writer "
                                + "(speedup > 1)", oursRate / singleWriterRate.get(ours.name()), 1.0).toJson()));
        return json;
    }

    /** Runs commits {@code [from, to)} of every chain, one thread per chain; returns the wall time in ns. */
    private static long runWriters(StorageTarget target, List<List<EntitySpec>> chains, int from, int to,
                                   Histogram histogram) {
        int writers = chains.size();
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Histogram> local = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<EntitySpec> chain = chains.get(w);
            Histogram h = Latencies.histogram();
            local.add(h);
            threads.add(Thread.ofPlatform().name("bench-writer-" + w).start(() -> {
                ready.countDown();
                try {
                    go.await();
                    for (int i = from; i < to; i++) {
                        long t0 = System.nanoTime();
                        target.commit(chain.get(i), true);
                        h.recordValue(System.nanoTime() - t0);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long start;
        try {
            ready.await();
            start = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for writers", e);
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(target.name() + " writer failed: " + failure.get(), failure.get());
        }
        if (histogram != null) {
            local.forEach(histogram::add);
        }
        return nanos;
    }
}
