package io.hyperspatial.cli;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.core.positioning.CombinedSimilarity;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code hyperspatial position similar}: the entities nearest to one by a weighted mix of its positions. */
@Command(name = "similar", description = {"The entities nearest to one by a weighted mean of the hyperbolic",
        "distances of its graph, embedding and property positions (kinds an entity lacks drop out)."})
final class PositionSimilarCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection.")
    private String collection;

    @Option(names = "--key", paramLabel = "KEY", required = true, description = "The entity.")
    private String key;

    @Option(names = "--weights", paramLabel = "G,E,P", defaultValue = "1,1,1", split = ",",
            description = "Weights of the graph, embedding and property distances (default: ${DEFAULT-VALUE}).")
    private List<Double> weights;

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "How many results (default: ${DEFAULT-VALUE}).")
    private int k;

    @Override
    public Integer call() {
        if (weights.size() != 3) {
            throw new ParameterException(spec.commandLine(), "--weights takes three numbers: graph,embedding,property");
        }
        if (k < 1) {
            throw new ParameterException(spec.commandLine(), "-k must be at least 1");
        }
        CombinedSimilarity similarity;
        try {
            similarity = CombinedSimilarity.of(weights.get(0), weights.get(1), weights.get(2));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--weights: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HyperspatialDatabase db = HyperspatialDatabase.open(data.openExisting(), CollectionIndexer::defaultConfig,
                SnapshotPolicy.AT_SHUTDOWN)) {
            Collection c = db.collection(collection);
            UUID id = c.ids().forKey(key);
            CollectionIndexer indexer = db.indexer(collection);
            try (ReadView view = c.snapshot()) {
                if (!view.entities().exists(id)) {
                    throw new CommandFailure("collection '" + collection + "' has no entity with key '" + key + "'");
                }
                SearchCommand.printTable(out, view, similarity.nearest(indexer, view, id, k));
            }
        }
        out.flush();
        return 0;
    }
}
