package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.core.positioning.ReconstructionEvaluation;
import io.hyperspatial.core.positioning.VectorPositioner;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.table.PositionKind;
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
 * {@code hyperspatial position}: computes a kind of position for a collection's entities and
 * writes them (extending every entity's trajectory): graph positions learned from the hierarchy
 * of edges of the given types (then evaluated), embedding positions from a dense vector field,
 * property positions from the properties. The subcommands evaluate, analyse a trajectory and find
 * entities similar by all kinds of position.
 */
@Command(name = "position", subcommands = {PositionEvaluateCommand.class, PositionTrajectoryCommand.class,
        PositionSimilarCommand.class},
        description = {"Compute positions in hyperbolic space (Lorentz points, time coordinate first).",
                "graph (default): learned from a hierarchy of edges (--edge-type), which run from the specific "
                        + "entity to the general one; general concepts end near the origin. Evaluated after learning.",
                "embedding: from a dense vector field (--field), reduced and mapped into the space.",
                "property: from a fingerprint of each entity's properties."})
final class PositionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    // Not picocli-required: that would make it required by the subcommands too.
    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", description = "The collection (required).")
    private String collection;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "graph",
            description = "graph (default), embedding or property.")
    private String kind;

    @Option(names = {"-e", "--edge-type"}, paramLabel = "TYPE",
            description = "graph: an edge type forming the hierarchy (repeat for several; required).")
    private List<String> edgeTypes;

    @Option(names = "--field", paramLabel = "FIELD", description = "embedding: the dense vector field (required).")
    private String field;

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
        PositionKind which = PositionOptions.kind(spec, kind);
        if (collection == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: --collection");
        }
        if (which == PositionKind.EMBEDDING && field == null) {
            throw new ParameterException(spec.commandLine(), "embedding positions need --field");
        }
        if (which == PositionKind.GRAPH && edgeTypes == null) {
            throw new ParameterException(spec.commandLine(), "graph positions need --edge-type");
        }
        if (which != PositionKind.GRAPH) {
            return mapVectors(which);
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
            GraphPositioner.Learned learned;
            try (PositioningProgress progress = new PositioningProgress(err, "learning positions", config.epochs(),
                    "writing positions")) {
                learned = GraphPositioner.learn(c, config, progress, System.currentTimeMillis(), progress);
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

    private int mapVectors(PositionKind which) {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = data.openExisting()) {
            Collection c = db.collection(collection);
            long started = System.nanoTime();
            VectorPositioner.Mapped mapped;
            try (PositioningProgress progress = new PositioningProgress(spec.commandLine().getErr(), null, 0,
                    "writing positions")) {
                mapped = which == PositionKind.EMBEDDING
                        ? VectorPositioner.fromField(c, field, dims, seed, System.currentTimeMillis(), progress)
                        : VectorPositioner.fromProperties(c, dims, seed, System.currentTimeMillis(), progress);
            }
            out.println("Computed " + dims + "-dimensional " + which.name().toLowerCase(Locale.ROOT) + " positions of "
                    + HumanFormat.count(mapped.entities()) + " entities in '" + collection + "'"
                    + (field == null ? "" : " from field '" + field + "'") + " in "
                    + HumanFormat.seconds(System.nanoTime() - started) + ".");
        }
        out.flush();
        return 0;
    }

    static void printEvaluation(PrintWriter out, ReconstructionEvaluation e) {
        out.println(String.format(Locale.ROOT, "mean rank %.3f, MAP %.4f (%s entities, %s ancestor pairs)",
                e.meanRank(), e.map(), HumanFormat.count(e.nodes()), HumanFormat.count(e.pairs())));
    }
}
