package io.hyperspatial.cli;

import io.hyperspatial.core.index.BruteForceIndex;
import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.eval.AnnDataset;
import io.hyperspatial.core.index.eval.AnnEvaluation;
import io.hyperspatial.core.index.eval.AnnSubject;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.hnsw.HnswOptions;
import io.hyperspatial.manifold.schema.VectorMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial bench ann}: builds an index over the base vectors of an {@code .fvecs} file
 * and measures recall@k against a ground truth, queries per second and latency percentiles at
 * each ef, with {@link AnnEvaluation}. Prints one JSON line for the build, one per ef and one for
 * the speed at recall 0.95; progress goes to stderr. Malformed or mismatched files, bad vectors
 * and unknown options end with one line on stderr and exit code 2.
 */
@Command(name = "ann", sortOptions = false,
        description = {"Measure a vector index on .fvecs/.ivecs data: build time, memory, and recall@k, queries per "
                + "second and p50/p99 latency (single-threaded queries) at each ef.",
                "Output: one JSON line for the build, one per ef, one for the speed at recall 0.95."})
final class AnnBenchCommand implements Callable<Integer> {
    /** Which of our indexes is measured. */
    enum IndexKind {
        /** Our HNSW graph ({@link HnswIndex}), built on the given threads. */
        HNSW("hnsw"),
        /** Exact search: recall 1 at any ef; the baseline. */
        BRUTE_FORCE("brute_force");

        final String subject;

        IndexKind(String subject) {
            this.subject = subject;
        }

        AnnSubject.Factory factory(HnswOptions options) {
            return switch (this) {
                case HNSW -> AnnSubject.of((config, ids, vectors, threads) -> {
                    HnswIndex built = new HnswIndex(config, options);
                    built.addAll(ids, vectors, threads);
                    return built;
                });
                case BRUTE_FORCE -> AnnSubject.of((config, ids, vectors, threads) -> BruteForceIndex.build(config, ids, vectors));
            };
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--metric", required = true, paramLabel = "METRIC", converter = MetricConverter.class,
            description = "poincare, lorentz, cosine, l2 or dot.")
    private VectorMetric metric;

    @Option(names = "--base", required = true, paramLabel = "FILE", description = "Base vectors (.fvecs); ids are their 0-based positions.")
    private Path base;

    @Option(names = "--queries", required = true, paramLabel = "FILE", description = "Query vectors (.fvecs).")
    private Path queries;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "Ground truth (.ivecs): per query, the 0-based ids of its nearest base vectors, nearest first. "
                    + "Computed by brute force when absent.")
    private Path truth;

    @Option(names = "--index", paramLabel = "KIND", defaultValue = "hnsw", converter = IndexKindConverter.class,
            description = "The index to measure: hnsw or brute_force (default: ${DEFAULT-VALUE}).")
    private IndexKind index;

    @Option(names = "--m", defaultValue = "16", description = "Links per node (default ${DEFAULT-VALUE}).")
    private int m;

    @Option(names = "--ef-construction", defaultValue = "200", description = "Beam width while building (default ${DEFAULT-VALUE}).")
    private int efConstruction;

    @Option(names = "--threads", defaultValue = "2", description = "Build threads (default ${DEFAULT-VALUE}); queries run on one.")
    private int threads;

    @Option(names = "--ef", split = ",", paramLabel = "EF", defaultValue = "10,16,24,32,48,64,96,128,192,256,384,512",
            description = "Search beam widths, comma-separated, increasing (default ${DEFAULT-VALUE}).")
    private int[] efs;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query; recall@k (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--quantization", defaultValue = "none", paramLabel = "Q", converter = QuantizationConverter.class,
            description = "none, int8 or binary (default ${DEFAULT-VALUE}).")
    private Quantization quantization;

    @Option(names = "--curvature", defaultValue = "1", description = "Curvature c of poincare/lorentz, sectional curvature -c (default ${DEFAULT-VALUE}).")
    private double curvature;

    @Option(names = "--filter-selectivity", paramLabel = "F", defaultValue = "0",
            description = "Search with a random allow-list of this fraction of ids, in (0, 1]; the truth is then "
                    + "recomputed by brute force over the allowed ids. 0: no filter (default).")
    private double filterSelectivity;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the filter's allow-list (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--keep-pruned-connections", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "hnsw: fill a node's free link slots with the candidates the selection heuristic rejected "
                    + "(default ${DEFAULT-VALUE}, as every index is built); false links by the heuristic alone, as "
                    + "hnswlib does, and reports the subject as hnsw_heuristic_only.")
    private boolean keepPrunedConnections;

    @Override
    public Integer call() throws Exception {
        for (int i = 1; i < efs.length; i++) {
            if (efs[i] <= efs[i - 1]) {
                throw new ParameterException(spec.commandLine(), "--ef values must increase, got " + efs[i - 1] + " then " + efs[i]);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            err.println("bench ann: reading " + base + ", " + queries + (truth == null ? "" : ", " + truth));
            err.flush();
            AnnDataset data = AnnDataset.read(metric, base, queries, truth);
            IndexConfig config;
            AnnEvaluation.Settings settings;
            try {
                config = new IndexConfig(metric, data.dimension(), m, efConstruction, efs[0], quantization, curvature);
                settings = new AnnEvaluation.Settings(config, threads, k, efs, filterSelectivity, seed);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            err.println("bench ann: " + data.base().length + " base vectors and " + data.queries().length
                    + " queries of dimension " + data.dimension() + "; building " + index.subject + " on " + threads
                    + " thread(s)");
            err.flush();
            String subject = index == IndexKind.HNSW && !keepPrunedConnections ? "hnsw_heuristic_only" : index.subject;
            HnswOptions options = HnswOptions.DEFAULT.withKeepPrunedConnections(keepPrunedConnections);
            AnnEvaluation.run(subject, index.factory(options), data, settings, line -> {
                out.println(line);
                out.flush();
            });
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such file: " + e.getFile());
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        return 0;
    }

    static final class MetricConverter implements ITypeConverter<VectorMetric> {
        @Override
        public VectorMetric convert(String value) {
            return VectorMetric.parse(value);
        }
    }

    static final class QuantizationConverter implements ITypeConverter<Quantization> {
        @Override
        public Quantization convert(String value) {
            return Quantization.parse(value);
        }
    }

    static final class IndexKindConverter implements ITypeConverter<IndexKind> {
        @Override
        public IndexKind convert(String value) {
            for (IndexKind kind : IndexKind.values()) {
                if (kind.subject.equals(value.trim().toLowerCase(Locale.ROOT).replace('-', '_'))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown index '" + value + "'; expected hnsw or brute_force");
        }
    }
}
