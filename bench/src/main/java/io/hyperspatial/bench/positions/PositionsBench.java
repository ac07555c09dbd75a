package io.hyperspatial.bench.positions;

import io.hyperspatial.bench.storage.JsonObject;
import io.hyperspatial.core.imports.wordnet.WordNetHierarchy;
import io.hyperspatial.core.imports.wordnet.WordNetNouns;
import io.hyperspatial.core.imports.wordnet.WordNetReader;
import io.hyperspatial.core.imports.wordnet.WordNetSubset;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.HierarchyEmbedder;
import io.hyperspatial.core.positioning.IncrementalPlacement;
import io.hyperspatial.core.positioning.LorentzEmbedding;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.ReconstructionEvaluation;
import io.hyperspatial.manifold.schema.VectorMetric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The learned-positions benchmark on WordNet 3.0: reads the noun database, selects a subset, embeds
 * it, evaluates reconstruction (mean rank, MAP) as the Poincaré-embeddings code does, and measures
 * k-NN recall@10 of the project's HNSW on the positions ({@link PositionRecall}). Prints one JSON
 * line per run (and appends it to {@code --out}); progress goes to stderr.
 * {@code bench/run-positions.sh} builds and runs it.
 */
@Command(name = "positions-bench", mixinStandardHelpOptions = true,
        description = "Embed a WordNet subset, evaluate reconstruction and k-NN recall, print JSON.")
public final class PositionsBench implements Callable<Integer> {
    @Option(names = "--wordnet", description = "directory holding data.noun and index.noun (default ${DEFAULT-VALUE})")
    Path wordnet = WordNetReader.DEBIAN_DIRECTORY;

    @Option(names = "--subset", description = "nouns or mammals (default ${DEFAULT-VALUE})")
    String subset = "mammals";

    @Option(names = "--dims", description = "spatial dimensions (default ${DEFAULT-VALUE})")
    int dims = 5;

    @Option(names = "--threads", description = "threads (default ${DEFAULT-VALUE})")
    int threads = 2;

    @Option(names = "--epochs", description = "refinement epochs (default: the embedder's default)")
    Integer epochs;

    @Option(names = "--max-radius", description = "largest radius a node may get (default: the embedder's default)")
    Double maxRadius;

    @Option(names = "--recipe", description = "default or nickel-kiela: the starting config (default ${DEFAULT-VALUE})")
    String recipe = "default";

    @Option(names = "--learning-rate", description = "learning rate (default: the recipe's)")
    Double learningRate;

    @Option(names = "--negatives", description = "negatives per pair (default: the recipe's)")
    Integer negatives;

    @Option(names = "--local-negatives", description = "share of local negatives (default: the recipe's)")
    Double localNegatives;

    @Option(names = "--batch-size", description = "pairs per batch (default: the recipe's)")
    Integer batchSize;

    @Option(names = "--init-scale", description = "1 construction, (0,1) construction radii scaled, 0 near origin")
    Double initScale;

    @Option(names = "--burn-in", description = "burn-in epochs at 1% of the rate (default: the recipe's)")
    Integer burnIn;

    @Option(names = "--constant-rate", arity = "1", description = "true: no decay after burn-in (default: the recipe's)")
    Boolean constantRate;

    @Option(names = "--eval-every", description = "sampled evaluation every N epochs, 0 for none (default ${DEFAULT-VALUE})")
    int evalEvery = 0;

    @Option(names = "--eval-sample", description = "nodes of the sampled evaluation (default ${DEFAULT-VALUE})")
    int evalSample = 2000;

    @Option(names = "--rank-breakdown", description = "print where the mean rank comes from (stderr)")
    boolean rankBreakdown;

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--knn-queries", description = "queries for k-NN recall, 0 to skip (default ${DEFAULT-VALUE})")
    int knnQueries = 1000;

    @Option(names = "--knn-metric", description = "poincare or lorentz: how the positions are indexed (default ${DEFAULT-VALUE})")
    String knnMetric = "lorentz";

    @Option(names = "--ef", split = ",", description = "ef_search values for recall (default ${DEFAULT-VALUE})")
    List<Integer> ef = List.of(64, 128, 256);

    @Option(names = "--out", description = "also append the JSON line to this file")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PositionsBench()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (!WordNetFiles.present(wordnet)) {
            return 2;
        }
        long t0 = System.nanoTime();
        WordNetNouns nouns = WordNetReader.read(wordnet);
        WordNetHierarchy selected = WordNetSubset.parse(subset).select(nouns);
        double readSeconds = seconds(t0);
        EmbeddingConfig config = configure();
        long[] refinementStart = {0};
        long t1 = System.nanoTime();
        TrainingTrajectory trajectory = new TrainingTrajectory(selected.hierarchy(), threads, evalSample, seed,
                System.err);
        LorentzEmbedding embedding = HierarchyEmbedder.embed(selected.hierarchy(), config, event -> {
            if (event.phase() == ProgressListener.Phase.REFINEMENT && event.epoch() == 0) {
                refinementStart[0] = System.nanoTime();
            }
            System.err.printf("positions: %s epoch %d/%d loss %.5f (%.1f s)%n", event.phase(), event.epoch(),
                    event.epochs(), event.loss(), event.elapsedMillis() / 1000.0);
        }, evalEvery, trajectory);
        double embedCpuSeconds = trajectory.trainingCpuSeconds();
        long t2 = System.nanoTime();
        double constructionSeconds = ((refinementStart[0] == 0 ? t2 : refinementStart[0]) - t1) / 1e9;
        double refinementSeconds = refinementStart[0] == 0 ? 0 : (t2 - refinementStart[0]) / 1e9;
        ReconstructionEvaluation eval = ReconstructionEvaluation.evaluate(selected.hierarchy(), embedding, threads);
        double evalSeconds = seconds(t2);
        double maxRadius = 0;
        for (int i = 0; i < embedding.size(); i++) {
            maxRadius = Math.max(maxRadius, embedding.radius(i));
        }
        JsonObject line = new JsonObject()
                .put("bench", "positions")
                .put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("subset", subset)
                .put("dims", dims)
                .put("threads", threads)
                .put("recipe", recipe)
                .put("epochs", config.epochs())
                .put("learning_rate", config.learningRate())
                .put("negatives", config.negatives())
                .put("local_negatives", config.localNegatives())
                .put("batch_size", config.batchSize())
                .put("init_scale", config.initScale())
                .put("burn_in", config.burnInEpochs())
                .put("constant_rate", config.constantRate())
                .put("seed", seed)
                .put("max_radius_limit", config.maxRadius())
                .put("nodes", selected.hierarchy().size())
                .put("closure_pairs", selected.hierarchy().closure().pairCount())
                .put("read_seconds", readSeconds)
                .put("construction_seconds", constructionSeconds)
                .put("refinement_seconds", refinementSeconds)
                .put("embed_seconds", constructionSeconds + refinementSeconds)
                .put("embed_cpu_seconds", embedCpuSeconds)
                .put("eval_seconds", evalSeconds)
                .put("mean_rank", eval.meanRank())
                .put("map", eval.map())
                .put("max_radius", maxRadius);
        if (!trajectory.points().isEmpty()) {
            line.put("trajectory", trajectory.points().stream().map(p -> new JsonObject().put("epoch", p.epoch())
                    .put("cpu_seconds", p.cpuSeconds()).put("mean_rank", p.meanRank()).put("map", p.map())).toList());
        }
        if (rankBreakdown) {
            RankBreakdown breakdown = RankBreakdown.of(selected.hierarchy(), i -> selected.synsets().get(i).name(),
                    embedding, config);
            breakdown.print(System.err);
            breakdown.addTo(line);
        }
        line.put("incremental_placement_micros_median", placementMicros(embedding, selected, seed));
        if (knnQueries > 0) {
            PositionRecall.measure(embedding, VectorMetric.parse(knnMetric), knnQueries, ef, threads, seed).addTo(line);
        }
        String json = line.toString();
        System.out.println(json);
        if (out != null) {
            Files.writeString(out, json + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }

    private EmbeddingConfig configure() {
        EmbeddingConfig config = switch (recipe) {
            case "default" -> EmbeddingConfig.defaults();
            case "nickel-kiela" -> EmbeddingConfig.nickelKiela(EmbeddingConfig.defaults().epochs());
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--recipe must be default or nickel-kiela, got " + recipe);
        };
        config = config.withDims(dims).withThreads(threads).withSeed(seed);
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (maxRadius != null) {
            config = config.withMaxRadius(maxRadius);
        }
        if (learningRate != null) {
            config = config.withLearningRate(learningRate);
        }
        if (negatives != null) {
            config = config.withNegatives(negatives);
        }
        if (localNegatives != null) {
            config = config.withLocalNegatives(localNegatives);
        }
        if (batchSize != null) {
            config = config.withBatchSize(batchSize);
        }
        if (initScale != null) {
            config = config.withInitScale(initScale);
        }
        if (burnIn != null) {
            config = config.withBurnInEpochs(burnIn);
        }
        if (constantRate != null) {
            config = config.withConstantRate(constantRate);
        }
        return config;
    }

    /**
     * The median time to place one new node under the parents of an existing node (its own
     * positions as input), over 20,000 placements after 20,000 untimed ones.
     */
    private static double placementMicros(LorentzEmbedding embedding, WordNetHierarchy selected, long seed) {
        int rounds = 20_000;
        long[] nanos = new long[rounds];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double sink = 0;
        for (int r = -rounds; r < rounds; r++) {
            int node = random.nextInt(embedding.size());
            List<double[]> parents = new java.util.ArrayList<>();
            for (int p : selected.hierarchy().parents(node)) {
                parents.add(embedding.point(p));
            }
            if (parents.isEmpty()) {
                parents.add(embedding.point(node));
            }
            long t = System.nanoTime();
            double[] placed = IncrementalPlacement.place(parents, List.of(), r);
            long elapsed = System.nanoTime() - t;
            sink += placed[0];
            if (r >= 0) {
                nanos[r] = elapsed;
            }
        }
        java.util.Arrays.sort(nanos);
        return sink > 0 ? nanos[rounds / 2] / 1000.0 : Double.NaN;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
