package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.eval.GroundTruth;
import io.hyperspatial.core.index.eval.JsonLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code generate}: writes seeded data sets (a)–(d) with their exact ground truth into
 * {@code <out>/<kind>-<n>/} (see {@link DatasetDirectory}), one JSON line per data set on stdout.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate seeded ANN data sets (.fvecs/.ivecs) with exact ground truth.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parent directory of the data set directories.")
    private Path out;

    @Option(names = "--kind", split = ",", defaultValue = "gaussian-l2,cosine,poincare,lorentz",
            description = "Data sets: gaussian-l2 (a), cosine (b), poincare (c), lorentz (d) (default ${DEFAULT-VALUE}).")
    private List<String> kinds;

    @Option(names = "--n", defaultValue = "100000", description = "Base vectors (default ${DEFAULT-VALUE}).")
    private int n;

    @Option(names = "--queries", defaultValue = "1000", description = "Query vectors (default ${DEFAULT-VALUE}).")
    private int queries;

    @Option(names = "--dimension", defaultValue = "0",
            description = "Dimension; 0 for each kind's own (128, 384, 16, 16+1). For lorentz, the ball's dimension.")
    private int dimension;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query in the ground truth (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Threads for the ground truth (default ${DEFAULT-VALUE}).")
    private int threads;

    @Override
    public Integer call() throws Exception {
        for (String name : kinds) {
            DatasetKind kind = DatasetKind.parse(name);
            int d = dimension > 0 ? dimension : kind.defaultDimension;
            long start = System.nanoTime();
            DatasetKind.Vectors v = kind.generate(n, queries, d, seed);
            double generateSeconds = (System.nanoTime() - start) / 1e9;
            int stored = v.base()[0].length;
            start = System.nanoTime();
            int[][] truth = GroundTruth.compute(IndexConfig.of(kind.metric, stored), v.base(), v.queries(), k, threads);
            double truthSeconds = (System.nanoTime() - start) / 1e9;
            Path dir = out.resolve(kind.label + "-" + n);
            DatasetDirectory.write(dir, kind.metric, v.base(), v.queries(), truth);
            System.out.println(new JsonLine().put("dataset", kind.label).put("dir", dir.toString())
                    .put("metric", kind.metric.displayName()).put("n", n).put("dimension", stored)
                    .put("queries", queries).put("k", k).put("seed", seed)
                    .put("generate_s", generateSeconds).put("truth_s", truthSeconds));
        }
        return 0;
    }
}
