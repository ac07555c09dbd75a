package io.hyperspatial.bench.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measurement 3: bulk import of one entity chain in commits of {@code batchSize} entities,
 * unsynced (ours {@code Durability.ASYNC}, raw {@code sync=false}) except each thread's last
 * commit, which is synced so the import ends durable. The import is timed from the first commit
 * to the last thread's synced commit; afterwards the harness waits (untimed, reported) until
 * RocksDB's flushes and compactions are done, so the next system does not inherit them.
 * The systems run one after the other (ours first): a million-entity import does not split into
 * interleaved rounds.
 */
final class ImportBench {
    static final String NAME = "batch_import";
    private static final long PROGRESS_EVERY = 100_000;

    private ImportBench() {
    }

    static JsonObject run(StorageTarget ours, StorageTarget raw, List<EntitySpec> specs, int batchSize, int threads) {
        JsonObject json = new JsonObject().put("measurement", NAME)
                .put("operation", "entities as in " + CommitLatencyBench.NAME + ", " + batchSize + " per commit")
                .put("durability", "ours: Durability.ASYNC per commit; raw: WriteBatch with sync=false; "
                        + "each thread's last commit synced")
                .put("entities", specs.size()).put("batch_size", batchSize).put("threads", threads)
                .put("order", "ours first, then raw; background flush/compaction drained after each (untimed)");
        Map<String, Double> rates = new LinkedHashMap<>();
        for (StorageTarget t : List.of(ours, raw)) {
            Progress.log("%s: %s importing %,d entities, %d threads", NAME, t.name(), specs.size(), threads);
            long nanos = importAll(t, specs, batchSize, threads);
            double rate = specs.size() / (nanos / 1e9);
            rates.put(t.name(), rate);
            Progress.log("%s: %s %,.0f entities/s (%.1f s); draining background work", NAME, t.name(), rate, nanos / 1e9);
            long settle = t.awaitBackgroundWork();
            json.put(t.name(), new JsonObject()
                    .put("entities_per_s", rate)
                    .put("seconds", nanos / 1e9)
                    .put("background_drain_seconds", settle / 1e9)
                    .put("disk_bytes_after_drain", t.diskBytes())
                    .put("store_after_drain", t.storeState()));
        }
        double oursRate = rates.get(ours.name());
        double ratio = oursRate / rates.get(raw.name());
        json.put("ratio_entities_per_s", ratio)
                .put("targets", List.of(
                        TargetCheck.atLeast("import >= 200k entities/s", oursRate, 200_000).toJson(),
                        TargetCheck.atLeast("import >= 0.5x raw WriteBatch", ratio, 0.5).toJson()));
        return json;
    }

    /** Thread {@code t} commits batches {@code t, t + threads, …}; returns the wall time in ns. */
    private static long importAll(StorageTarget target, List<EntitySpec> specs, int batchSize, int threads) {
        int batches = (specs.size() + batchSize - 1) / batchSize;
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int first = w;
            workers.add(Thread.ofPlatform().name("bench-import-" + w).start(() -> {
                try {
                    for (int b = first; b < batches && failure.get() == null; b += threads) {
                        List<EntitySpec> batch = specs.subList(b * batchSize, Math.min(specs.size(), (b + 1) * batchSize));
                        target.commitBatch(batch, b + threads >= batches);
                        long before = done.getAndAdd(batch.size());
                        if ((before + batch.size()) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                            Progress.log("%s: %s %,d entities", NAME, target.name(), before + batch.size());
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(target.name() + " import failed: " + failure.get(), failure.get());
        }
        return nanos;
    }
}
