package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.hnsw.HnswSnapshot;
import io.hyperspatial.manifold.schema.VectorMetric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * What an index snapshot saves at restart: builds an HNSW index over seeded vectors (the time a
 * restart without a snapshot spends rebuilding), then writes its snapshot and loads it back
 * several times, reporting the median write and load times, the file size, and whether the loaded
 * index answers sample queries exactly as the built one. Vectors are Poincaré-ball points with
 * hyperbolic radii skewed outward (as hierarchical data is), or Gaussian ones for the Euclidean
 * metrics. One JSON object goes to stdout (and {@code --out}); progress goes to stderr.
 *
 * <p>Load times are with the file in the page cache (it was just written); a cold read adds the
 * file size over the disk's read speed.
 */
@Command(name = "restart-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times an HNSW index build against writing and loading its snapshot.")
public final class RestartBench implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "1000000", description = "Vectors (default ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--dim", defaultValue = "16", description = "Dimension (default ${DEFAULT-VALUE}).")
    private int dim;

    @Option(names = "--metric", defaultValue = "poincare", description = "poincare, l2, cosine or dot (default ${DEFAULT-VALUE}).")
    private String metric;

    @Option(names = "--m", defaultValue = "16", description = "HNSW m (default ${DEFAULT-VALUE}).")
    private int m;

    @Option(names = "--ef-construction", defaultValue = "200", description = "HNSW ef_construction (default ${DEFAULT-VALUE}).")
    private int efConstruction;

    @Option(names = "--threads", description = "Build threads (default: available processors).")
    private Integer threads;

    @Option(names = "--repeats", defaultValue = "3", description = "Snapshot writes and loads timed (default ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the vectors (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the snapshot file is written (and deleted). Default: the bench module's target directory.")
    private Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report here.")
    private Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RestartBench()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        VectorMetric vectorMetric = VectorMetric.valueOf(metric.toUpperCase(Locale.ROOT));
        if (vectorMetric == VectorMetric.LORENTZ) {
            throw new CommandLine.ParameterException(new CommandLine(this), "lorentz is not generated here; use poincare");
        }
        int buildThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        IndexConfig config = IndexConfig.of(vectorMetric, dim).withM(m).withEfConstruction(efConstruction);
        float[][] vectors = vectors(vectorMetric, count + 100, dim, seed);
        float[][] base = Arrays.copyOf(vectors, count);
        Path workDir = dir != null ? dir : Path.of("bench", "target");
        Files.createDirectories(workDir);
        Path file = Files.createTempFile(workDir, "restart-bench-", ".hnsw");

        progress("building %,d × %d %s vectors on %d threads (m %d, ef_construction %d)", count, dim, metric,
                buildThreads, m, efConstruction);
        long started = System.nanoTime();
        HnswIndex index = HnswIndex.build(config, IntStream.range(0, count).toArray(), base, buildThreads);
        double buildSeconds = seconds(started);
        progress("built in %.1f s", buildSeconds);

        double[] writes = new double[repeats];
        double[] loads = new double[repeats];
        long bytes = 0;
        boolean identical = true;
        try {
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                bytes = HnswSnapshot.write(index, 1, file);
                writes[r] = seconds(t);
                t = System.nanoTime();
                HnswIndex loaded = HnswSnapshot.read(file, config).index();
                loads[r] = seconds(t);
                identical &= sameAnswers(index, loaded, Arrays.copyOfRange(vectors, count, count + 100));
                progress("snapshot %d: wrote %,d bytes in %.2f s, loaded in %.2f s", r + 1, bytes, writes[r], loads[r]);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        String json = String.format(Locale.ROOT, "{\"bench\":\"restart\",\"metric\":\"%s\",\"count\":%d,\"dim\":%d,"
                        + "\"m\":%d,\"ef_construction\":%d,\"threads\":%d,\"build_s\":%.2f,\"snapshot_bytes\":%d,"
                        + "\"write_s\":%.3f,\"load_s\":%.3f,\"load_vs_build\":%.4f,\"identical_answers\":%b,"
                        + "\"cores\":%d,\"java\":\"%s\"}",
                metric, count, dim, m, efConstruction, buildThreads, buildSeconds, bytes, median(writes), median(loads),
                median(loads) / buildSeconds, identical, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println(json);
        if (out != null) {
            Files.writeString(out, json + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        return identical ? 0 : 1;
    }

    private static boolean sameAnswers(HnswIndex a, HnswIndex b, float[][] queries) {
        for (float[] q : queries) {
            List<SearchHit> expected = a.search(SearchRequest.of(q, 10));
            if (!expected.equals(b.search(SearchRequest.of(q, 10)))) {
                return false;
            }
        }
        return true;
    }

    /** Seeded vectors: Poincaré points with outward-skewed hyperbolic radii, or Gaussians. */
    static float[][] vectors(VectorMetric metric, int n, int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] v = new float[n][dim];
        for (float[] x : v) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                x[j] = (float) r.nextGaussian();
                norm += (double) x[j] * x[j];
            }
            if (metric == VectorMetric.POINCARE) {
                double rho = 6 * Math.sqrt(r.nextDouble());
                double scale = Math.tanh(rho / 2) / Math.sqrt(norm);
                for (int j = 0; j < dim; j++) {
                    x[j] = (float) (x[j] * scale);
                }
            }
        }
        return v;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void progress(String format, Object... args) {
        PrintStream err = System.err;
        err.printf(Locale.ROOT, format + "%n", args);
    }
}
