package io.hyperspatial.bench.storage;

import io.hyperspatial.bench.storage.StorageTarget.EntityReader;
import io.hyperspatial.bench.storage.StorageTarget.ReadMode;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Measurement 4: warm point reads of one entity (header and all properties) at random ids of the
 * imported set. Four variants: ours with a fresh snapshot per read ({@code collection.read}),
 * ours through one reused {@code ReadView}, raw plain reads, raw reads through one reused
 * snapshot. Every variant reads the same id sequence once untimed (to warm caches and the JIT),
 * then again timed, in interleaved rounds; every read must find the header and 5 properties.
 */
final class PointReadBench {
    static final String NAME = "point_read";

    private record Variant(String name, StorageTarget target, ReadMode mode, Histogram histogram) {
    }

    private PointReadBench() {
    }

    static JsonObject run(StorageTarget ours, StorageTarget raw, List<EntitySpec> imported, int reads, int rounds,
                          long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        UUID[] ids = new UUID[reads];
        for (int i = 0; i < reads; i++) {
            ids[i] = imported.get(random.nextInt(imported.size())).id();
        }
        List<Variant> variants = List.of(
                new Variant("ours", ours, ReadMode.PER_READ, Latencies.histogram()),
                new Variant("ours_reused_view", ours, ReadMode.SHARED_VIEW, Latencies.histogram()),
                new Variant("raw_rocksdb", raw, ReadMode.PER_READ, Latencies.histogram()),
                new Variant("raw_rocksdb_reused_snapshot", raw, ReadMode.SHARED_VIEW, Latencies.histogram()));
        for (Variant v : variants) {
            Progress.log("%s: %s warm-up, %,d reads", NAME, v.name(), reads);
            readAll(v, ids, 0, reads, null);
        }
        for (int r = 0; r < rounds; r++) {
            int from = Rounds.start(reads, rounds, r);
            int to = Rounds.start(reads, rounds, r + 1);
            for (Variant v : Rounds.order(variants, r)) {
                readAll(v, ids, from, to, v.histogram());
            }
            Progress.log("%s: round %d/%d done", NAME, r + 1, rounds);
        }

        JsonObject json = new JsonObject().put("measurement", NAME)
                .put("operation", "ours: collection.read(v -> v.entities().get(id) + v.properties().all(id)), "
                        + "decoded (two point reads of the entity row); raw: one db.get of the row, property entries walked, not decoded")
                .put("imported_entities", imported.size()).put("reads", reads).put("rounds", rounds)
                .put("warm", "each variant reads the same id sequence once untimed first");
        List<Double> p50 = new ArrayList<>();
        for (Variant v : variants) {
            json.put(v.name(), Latencies.summarize(v.histogram(), Latencies.Unit.MICROS, new JsonObject()));
            p50.add(Latencies.p50(v.histogram(), Latencies.Unit.MICROS));
        }
        json.put("store_after_reads", new JsonObject().put(ours.name(), ours.storeState())
                .put(raw.name(), raw.storeState()));
        json.put("ratio_p50", p50.get(0) / p50.get(2))
                .put("ratio_p50_reused_view", p50.get(1) / p50.get(3))
                .put("targets", List.of(
                        TargetCheck.atMost("point read p50 <= 5 us warm (collection.read per read)", p50.get(0), 5).toJson(),
                        TargetCheck.atMost("point read p50 <= 5 us warm (reused ReadView)", p50.get(1), 5).toJson()));
        return json;
    }

    private static void readAll(Variant v, UUID[] ids, int from, int to, Histogram histogram) {
        try (EntityReader reader = v.target().reader(v.mode())) {
            for (int i = from; i < to; i++) {
                long t0 = System.nanoTime();
                int properties = reader.read(ids[i]);
                long nanos = System.nanoTime() - t0;
                if (properties != EntitySpec.PROPERTIES.length) {
                    throw new IllegalStateException(v.name() + " read " + properties + " properties of " + ids[i]
                            + ", expected " + EntitySpec.PROPERTIES.length);
                }
                if (histogram != null) {
                    histogram.recordValue(nanos);
                }
            }
        }
    }
}
