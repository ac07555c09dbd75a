package io.hyperspatial.cli;

import io.hyperspatial.core.positioning.GraphPositioner;
import io.hyperspatial.manifold.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hyperspatial position evaluate}: the reconstruction figures of the stored graph positions. */
@Command(name = "evaluate", description = {"Evaluate stored graph positions against a hierarchy of edges:",
        "for each entity, rank all others by distance; mean rank of its ancestors (1 is perfect)",
        "and mean average precision, as in the Poincaré-embeddings paper."})
final class PositionEvaluateCommand implements Callable<Integer> {
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
            PositionCommand.printEvaluation(out, GraphPositioner.evaluate(db.collection(collection), edgeTypes, n));
        }
        out.flush();
        return 0;
    }
}
