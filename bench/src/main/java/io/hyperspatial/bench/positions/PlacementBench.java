package io.hyperspatial.bench.positions;

import io.hyperspatial.bench.storage.JsonObject;
import io.hyperspatial.core.imports.wordnet.WordNetHierarchy;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.imports.wordnet.WordNetLoader;
import io.hyperspatial.core.imports.wordnet.WordNetReader;
import io.hyperspatial.core.imports.wordnet.WordNetSubset;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.core.positioning.IncrementalPositioner;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.WriteProgress;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.table.PositionKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Incremental placement end to end: a WordNet subset is loaded into a collection and its graph
 * positions learned; then new entities are written one per transaction, each with a hypernym edge
 * to a random synset, while an {@link IncrementalPositioner} follows the collection. Reports the
 * time from a write's acknowledgement until the new entity's position is committed (median, p99),
 * and the positioner's own mean time per placement (reading the neighbourhood, placing, committing).
 * The first {@code --warmup} placements (a fresh JVM's, while the JIT compiles the path) are timed
 * apart and reported as {@code cold_*}; the headline figures are the placements after them.
 * Then times position searches as the product runs them: {@link CollectionIndexer#searchLike} on
 * {@code position.graph} (the HNSW position index, then the float64 re-rank of {@code max(k, ef)}
 * candidates read from storage) for random synsets, k 10, one thread.
 */
@Command(name = "placement-bench", mixinStandardHelpOptions = true)
public final class PlacementBench implements Callable<Integer> {
    @Option(names = "--subset", defaultValue = "mammals")
    private String subset;

    @Option(names = "--dims", defaultValue = "5")
    private int dims;

    @Option(names = "--placements", defaultValue = "2000")
    private int placements;

    @Option(names = "--warmup", defaultValue = "5000",
            description = "Placements before the timed ones, reported apart as cold_* (0: none).")
    private int warmup;

    @Option(names = "--durability", defaultValue = "batch", description = "Durability of the benchmark's own writes.")
    private String durability;

    @Option(names = "--wordnet", defaultValue = "/usr/share/wordnet")
    private Path wordnet;

    @Option(names = "--searches", defaultValue = "2000", description = "Position searches to time after the placements (0: none).")
    private int searches;

    @Option(names = "--ef", defaultValue = "64", description = "ef of the timed position searches.")
    private int ef;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PlacementBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!WordNetFiles.present(wordnet)) {
            return 2;
        }
        WordNetHierarchy h = WordNetSubset.parse(subset).select(WordNetReader.read(wordnet));
        Path dir = Files.createTempDirectory("placement-bench");
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.DEFAULT))) {
            Collection c = db.createCollection("wordnet");
            WordNetLoader.load(c, h, n -> { });
            GraphPositioner.declare(c, dims, List.of(WordNetLoader.EDGE));
            GraphPositioner.learn(c, EmbeddingConfig.defaults(), ProgressListener.NONE, 1, WriteProgress.NONE);
            Durability d = Durability.valueOf(durability.toUpperCase());
            SplittableRandom random = new SplittableRandom(42);
            long[] cold = new long[warmup];
            long[] nanos = new long[placements];
            try (IncrementalPositioner positioner = IncrementalPositioner.start(c)) {
                for (int i = 0; i < warmup + placements; i++) {
                    String parent = h.synsets().get(random.nextInt(h.synsets().size())).key();
                    String key = "new:" + i;
                    long sequence = c.write(d, tx -> {
                        UUID id = tx.upsertEntity(key, WordNetLoader.TYPE);
                        tx.addEdge(id, WordNetLoader.EDGE, c.ids().forKey(parent), 1f);
                    });
                    long acked = System.nanoTime();
                    if (!positioner.awaitApplied(sequence, Duration.ofSeconds(10))) {
                        throw new IllegalStateException("placement " + i + " not done in 10 s");
                    }
                    long took = System.nanoTime() - acked;
                    if (i < warmup) {
                        cold[i] = took;
                    } else {
                        nanos[i - warmup] = took;
                    }
                    if (c.read(v -> v.positions().get(c.ids().forKey(key), PositionKind.GRAPH)).isEmpty()) {
                        throw new IllegalStateException("entity " + key + " was not placed");
                    }
                }
                Arrays.sort(cold);
                Arrays.sort(nanos);
                JsonObject out = new JsonObject()
                        .put("bench", "placement")
                        .put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                        .put("subset", subset).put("dims", dims).put("placements", placements).put("durability", durability)
                        .put("ack_to_placed_p50_us", nanos[placements / 2] / 1e3)
                        .put("ack_to_placed_p99_us", nanos[(int) (placements * 0.99)] / 1e3)
                        .put("positioner_mean_us", positioner.meanPlacementMicros())
                        .put("warmup", warmup);
                if (warmup > 0) {
                    out.put("cold_p50_us", cold[warmup / 2] / 1e3).put("cold_p99_us", cold[(int) (warmup * 0.99)] / 1e3)
                            .put("cold_max_us", cold[warmup - 1] / 1e3);
                }
                if (searches > 0) {
                    long[] searched = timeSearches(c, h, random);
                    out.put("search_k", 10).put("search_ef", ef).put("searches", searches)
                            .put("search_like_p50_us", searched[searches / 2] / 1e3)
                            .put("search_like_p99_us", searched[(int) (searches * 0.99)] / 1e3);
                }
                System.out.println(out);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Sorted nanoseconds of {@code searches} position searches like random synsets, after as many untimed ones. */
    private long[] timeSearches(Collection c, WordNetHierarchy h, SplittableRandom random) {
        String field = CollectionIndexer.positionIndexName(PositionKind.GRAPH);
        try (CollectionIndexer indexer = CollectionIndexer.start(c, HnswIndex::new, CollectionIndexer::defaultConfig)) {
            if (!indexer.awaitApplied(c.changes().lastSequence(), Duration.ofMinutes(10))) {
                throw new IllegalStateException("the position index did not catch up in 10 minutes");
            }
            long[] nanos = new long[searches];
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < searches; i++) {
                    UUID entity = c.ids().forKey(h.synsets().get(random.nextInt(h.synsets().size())).key());
                    long started = System.nanoTime();
                    if (indexer.searchLike(field, entity, 10, ef, null).orElseThrow().isEmpty()) {
                        throw new IllegalStateException("no neighbours of " + entity);
                    }
                    nanos[i] = System.nanoTime() - started;
                }
            }
            Arrays.sort(nanos);
            return nanos;
        }
    }
}
