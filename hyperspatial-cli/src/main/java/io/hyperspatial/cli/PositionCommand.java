package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.cli.output.ProgressLine;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.ReconstructionEvaluation;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial position}: learns a collection's graph positions from the hierarchy of its
 * edges of the given types, writes them (extending every entity's trajectory), and evaluates them.
 * {@code position evaluate} only evaluates what is stored.
 */
@Command(name = "position", subcommands = PositionCommand.Evaluate.class,
        description = {"Learn graph positions in hyperbolic space from a hierarchy of edges, then evaluate them.",
                "Edges run from the specific entity to the general one (a 'hypernym' edge points to the broader "
                        + "concept). Positions are Lorentz points, general concepts near the origin.",
                "--collection and --edge-type are required to learn."})
final class PositionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    // Not picocli-required: that would make them required by 'position evaluate' too.
    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", description = "The collection.")
    private String collection;

    @Option(names = {"-e", "--edge-type"}, paramLabel = "TYPE",
            description = "An edge type forming the hierarchy (repeat for several).")
    private List<String> edgeTypes;

    @Option(names = "--dims", paramLabel = "D", defaultValue = "16",
            description = "Spatial dimensions (a position has D+1 coordinates; default: ${DEFAULT-VALUE}).")
    private int dims;

    @Option(names = "--epochs", paramLabel = "N", description = "Refinement epochs (default: the tuned default).")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed: the same seed and data give the same positions (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    private Integer threads;

    @Option(names = "--no-evaluate", description = "Skip the evaluation after learning.")
    private boolean noEvaluate;

    @Override
    public Integer call() {
        if (collection == null || edgeTypes == null) {
            throw new ParameterException(spec.commandLine(), "Missing required options: --collection and --edge-type");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddingConfig config = EmbeddingConfig.defaults().withSeed(seed).withDims(dims);
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (threads != null) {
            config = config.withThreads(threads);
        }
        try (Database db = data.openExisting()) {
            Collection c = db.collection(collection);
            GraphPositioner.declare(c, dims, edgeTypes);
            ProgressLine epochsDone = ProgressLine.onStderr(err, "learning positions", "epochs", config.epochs());
            ProgressListener listener = e -> {
                if (e.phase() == ProgressListener.Phase.REFINEMENT) {
                    epochsDone.update(e.epoch());
                }
            };
            GraphPositioner.Learned learned;
            ProgressLine[] writing = {null};
            try {
                learned = GraphPositioner.learn(c, config, listener, System.currentTimeMillis(), (done, total) -> {
                    if (writing[0] == null) {
                        epochsDone.finish();
                        writing[0] = ProgressLine.onStderr(err, "writing positions", "entities", total);
                    }
                    writing[0].update(done);
                });
            } finally {
                epochsDone.finish();
                if (writing[0] != null) {
                    writing[0].finish();
                }
            }
            out.println("Learned " + dims + "-dimensional graph positions of " + HumanFormat.count(learned.nodes())
                    + " entities in '" + collection + "' from " + String.join(", ", edgeTypes) + " edges ("
                    + HumanFormat.count(learned.closurePairs()) + " ancestor pairs) in "
                    + HumanFormat.seconds(learned.embedMillis() * 1_000_000) + ".");
            if (learned.danglingEdges() > 0) {
                out.println("Left out " + learned.danglingEdges() + " edges whose target entity does not exist.");
            }
            if (!noEvaluate) {
                printEvaluation(out, GraphPositioner.evaluate(c, List.of(), config.threads()));
            }
        }
        out.flush();
        return 0;
    }

    static void printEvaluation(PrintWriter out, ReconstructionEvaluation e) {
        out.println(String.format(Locale.ROOT, "mean rank %.3f, MAP %.4f (%s entities, %s ancestor pairs)",
                e.meanRank(), e.map(), HumanFormat.count(e.nodes()), HumanFormat.count(e.pairs())));
    }

    /** {@code hyperspatial position evaluate}: the reconstruction figures of the stored positions. */
    @Command(name = "evaluate", description = {"Evaluate stored graph positions against a hierarchy of edges:",
            "for each entity, rank all others by distance; mean rank of its ancestors (1 is perfect)",
            "and mean average precision, as in the Poincaré-embeddings paper."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataDirectory data;

        @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection.")
        private String collection;

        @Option(names = {"-e", "--edge-type"}, paramLabel = "TYPE",
                description = "An edge type forming the hierarchy (default: those the positions were learned from).")
        private List<String> edgeTypes = List.of();

        @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
        private Integer threads;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = data.openExisting()) {
                int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
                printEvaluation(out, GraphPositioner.evaluate(db.collection(collection), edgeTypes, n));
            }
            out.flush();
            return 0;
        }
    }
}
