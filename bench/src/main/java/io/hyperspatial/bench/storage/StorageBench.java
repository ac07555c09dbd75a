package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.store.EntityIds;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The storage benchmark: manifold against a plain RocksDB writing the same rows with the same
 * options, in one process and one run, on four measurements (strict commit latency, concurrent
 * strict commits, batch import, point reads). Writes one JSON object per measurement to stdout
 * and {@code --out}; progress goes to stderr. All data lives in a fresh directory deleted at the
 * end.
 */
@Command(name = "storage-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmarks manifold storage against raw RocksDB on the same data in the same run.")
public final class StorageBench implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Directory in which the run's data directory is created (and deleted at the end). "
                    + "Default: the bench module's target directory.")
    private Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report (one object per line) here.")
    private Path out;

    @Option(names = "--ops", defaultValue = "20000", description = "Timed strict commits of one writer (default ${DEFAULT-VALUE}).")
    private int ops;

    @Option(names = "--warmup", defaultValue = "2000", description = "Untimed strict commits first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--writers", defaultValue = "8", description = "Concurrent writers (default ${DEFAULT-VALUE}).")
    private int writers;

    @Option(names = "--concurrent-ops", defaultValue = "20000",
            description = "Timed strict commits of all concurrent writers together (default ${DEFAULT-VALUE}).")
    private int concurrentOps;

    @Option(names = "--import-count", defaultValue = "1000000", description = "Entities imported (default ${DEFAULT-VALUE}).")
    private int importCount;

    @Option(names = "--import-batch", defaultValue = "1000", description = "Entities per import commit (default ${DEFAULT-VALUE}).")
    private int importBatch;

    @Option(names = "--import-threads", defaultValue = "2", description = "Import threads (default ${DEFAULT-VALUE}).")
    private int importThreads;

    @Option(names = "--read-ops", defaultValue = "100000", description = "Timed point reads per variant (default ${DEFAULT-VALUE}).")
    private int readOps;

    @Option(names = "--rounds", defaultValue = "4", description = "Interleaved rounds per measurement (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data and read ids (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--preset", defaultValue = "default",
            description = "Storage preset of both sides: default, small, large, read-heavy, write-heavy (default ${DEFAULT-VALUE}).")
    private String preset;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StorageBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        checkArguments();
        DatabaseOptions options = DatabaseOptions.preset(StoragePreset.parse(preset)).withIdleClose(Duration.ZERO);
        Path runDir = Files.createTempDirectory(Files.createDirectories(dir == null ? defaultParent() : dir),
                "storage-bench-");
        Progress.log("data in %s", runDir);
        try (Report report = new Report(out)) {
            report.emit(runInfo(options, runDir));
            runAll(options, runDir, report);
        } finally {
            deleteRecursively(runDir);
            Progress.log("deleted %s", runDir);
        }
        return 0;
    }

    private void runAll(DatabaseOptions options, Path runDir, Report report) throws RocksDBException {
        try (Database database = Database.open(runDir.resolve("ours"), options);
             RawRocksResources rawShared = new RawRocksResources(options);
             Stores single = Stores.open(database, rawShared, runDir, "single");
             Stores concurrent = Stores.open(database, rawShared, runDir, "concurrent");
             Stores imports = Stores.open(database, rawShared, runDir, "import")) {

            List<EntitySpec> chain = new EntityGenerator(single.ids(), "single", seed).next(warmup + ops);
            CommitLatencyBench.Result latency = CommitLatencyBench.run(single.ours(), single.raw(), chain, warmup, ops, rounds);
            single.verify(chain.getLast());
            report.emit(latency.json());

            int perWriter = concurrentOps / writers;
            int warmupPerWriter = Math.max(1, warmup / writers);
            List<List<EntitySpec>> chains = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                chains.add(new EntityGenerator(concurrent.ids(), "writer" + w, seed + 1 + w).next(warmupPerWriter + perWriter));
            }
            report.emit(ConcurrentCommitBench.run(concurrent.ours(), concurrent.raw(), chains, warmupPerWriter, perWriter,
                    rounds, latency.commitsPerSecond()));
            chains.forEach(c -> concurrent.verify(c.getLast()));

            Progress.log("generating %,d entities to import", importCount);
            List<EntitySpec> imported = new EntityGenerator(imports.ids(), "import", seed + 1000).next(importCount);
            report.emit(ImportBench.run(imports.ours(), imports.raw(), imported, importBatch, importThreads));
            imports.verify(imported.getLast());

            report.emit(PointReadBench.run(imports.ours(), imports.raw(), imported, readOps, rounds, seed + 2000));
        }
    }

    /** One data set held by both systems: a manifold collection and a raw RocksDB store of the same name. */
    private record Stores(ManifoldTarget ours, RawRocksTarget raw) implements AutoCloseable {
        static Stores open(Database database, RawRocksResources shared, Path runDir, String name) throws RocksDBException {
            ManifoldTarget ours = new ManifoldTarget(database.createCollection(name));
            Path rawDir = runDir.resolve("raw").resolve(name);
            try {
                Files.createDirectories(rawDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Stores(ours, new RawRocksTarget(RawRocksStore.open(rawDir, shared), ours.collection().schema()));
        }

        EntityIds ids() {
            return ours.collection().ids();
        }

        /** Fails unless both systems hold {@code entity} with all its properties. */
        void verify(EntitySpec entity) {
            for (StorageTarget t : List.of(ours, raw)) {
                try (StorageTarget.EntityReader reader = t.reader(StorageTarget.ReadMode.PER_READ)) {
                    int n = reader.read(entity.id());
                    if (n != EntitySpec.PROPERTIES.length) {
                        throw new IllegalStateException(t.name() + " holds " + n + " properties of " + entity.key());
                    }
                }
            }
        }

        @Override
        public void close() {
            raw.close();
            ours.close();
        }
    }

    private JsonObject runInfo(DatabaseOptions options, Path runDir) {
        RocksDB.loadLibrary();
        return new JsonObject().put("measurement", "run")
                .put("date", Instant.now().toString())
                .put("available_processors", Runtime.getRuntime().availableProcessors())
                .put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"))
                .put("java", System.getProperty("java.vm.name") + " " + Runtime.version())
                .put("rocksdb", RocksDB.rocksdbVersion().toString())
                .put("data_dir", runDir.toAbsolutePath().toString())
                .put("preset", preset)
                .put("block_cache_bytes", options.blockCacheBytes())
                .put("write_buffer_bytes", options.writeBufferBytes())
                .put("memtable_bytes", options.memtableBytes())
                .put("background_jobs", options.backgroundJobs())
                .put("seed", seed)
                .put("note", "ours = manifold (OptimisticTransactionDB, Collection.write); raw_rocksdb = plain RocksDB, "
                        + "same column families, options, shared cache and write-buffer manager, same row bytes");
    }

    private void checkArguments() {
        positive(ops, "--ops");
        positive(writers, "--writers");
        positive(importCount, "--import-count");
        positive(importBatch, "--import-batch");
        positive(importThreads, "--import-threads");
        positive(readOps, "--read-ops");
        positive(rounds, "--rounds");
        if (warmup < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--warmup must not be negative");
        }
        if (concurrentOps < writers * rounds) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--concurrent-ops must be at least --writers x --rounds");
        }
    }

    private void positive(int value, String name) {
        if (value <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), name + " must be positive, got " + value);
        }
    }

    /** The directory holding this class's jar (or classes directory): the bench module's {@code target}. */
    private static Path defaultParent() {
        try {
            Path code = Path.of(StorageBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            Progress.log("could not delete %s: %s", root, e.getMessage());
        }
    }
}
