package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.cli.output.ProgressLine;
import io.hyperspatial.core.demo.DemoDataset;
import io.hyperspatial.core.demo.DemoSummary;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial demo}: creates (or with {@code --force} replaces) a collection filled with
 * the seeded {@link DemoDataset}, shows progress on stderr, then describes the result and
 * suggests what to try next. A collection left half-written by a failure is dropped.
 */
@Command(name = "demo", description = {"Create a collection of seeded demo data and describe it.",
        "The data is a synthetic product taxonomy: Category and Item entities, subcategory_of, in_category and "
                + "similar_to edges, 32-dimensional item embeddings and hourly views."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", defaultValue = "demo",
            description = "The collection to create (default: ${DEFAULT-VALUE}).")
    private String collection;

    @Option(names = "--entities", paramLabel = "N", defaultValue = "20000",
            description = "Entities to write, categories and items together (default: ${DEFAULT-VALUE}).")
    private int entities;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed of the generator: the same seed gives the same data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--force", description = "Replace the collection if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        if (entities < DemoDataset.MIN_ENTITIES || entities > DemoDataset.MAX_ENTITIES) {
            throw new ParameterException(spec.commandLine(), "--entities must be between " + DemoDataset.MIN_ENTITIES
                    + " and " + DemoDataset.MAX_ENTITIES + ", got " + entities);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = data.absolute();
        try (Database db = data.openOrCreate()) {
            Collection c = data.freshCollection(db, collection, force);
            DemoDataset demo = new DemoDataset(entities, seed, Instant.now());
            ProgressLine progress = ProgressLine.onStderr(err, "writing " + collection, "entities", entities);
            long start = System.nanoTime();
            DemoSummary summary;
            try {
                summary = demo.writeTo(c, (written, total) -> progress.update(written));
            } catch (RuntimeException e) {
                progress.finish();
                try {
                    db.dropCollection(collection);
                } catch (RuntimeException dropFailed) {
                    e.addSuppressed(dropFailed);
                }
                throw e;
            }
            progress.finish();
            long elapsed = System.nanoTime() - start;
            out.println("Created collection '" + collection + "' in " + dir + " (" + HumanFormat.seconds(elapsed) + "): "
                    + HumanFormat.count(summary.categories()) + " categories, " + HumanFormat.count(summary.items())
                    + " items, " + HumanFormat.count(summary.edges()) + " edges, "
                    + HumanFormat.count(summary.measurePoints()) + " measure points (seed " + seed + ").");
            out.println();
            DescriptionText.print(out, dir, CollectionDescription.of(c));
            out.println();
            printNextSteps(out, dir);
        }
        out.flush();
        return 0;
    }

    private void printNextSteps(PrintWriter out, Path dir) {
        String cmd = Launcher.command();
        Path backup = dir.resolveSibling(collection + "-backup");
        String d = " --data " + Launcher.shell(dir.toString());
        String name = " --collection " + Launcher.shell(collection);
        String to = Launcher.shell(backup.toString());
        out.println("Try next:");
        out.println("  " + cmd + " describe" + d + name + " --format json");
        out.println("  " + cmd + " backup" + d + name + " --to " + to);
        out.println("  " + cmd + " restore" + d + " --collection " + Launcher.shell(collection + "-restored") + " --from " + to);
        out.println("  " + cmd + " describe" + d);
    }
}
