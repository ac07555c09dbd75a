package io.hyperspatial.cli;

import io.hyperspatial.manifold.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial describe}: without {@code --collection}, the database's collections with
 * their sizes; with it, that collection's schema, exact entity counts and stats. Opens an
 * existing database only.
 */
@Command(name = "describe", description = {"List collections, or show one collection's schema, counts and stats.",
        "Entity counts are exact (one scan). Never creates a database."})
final class DescribeCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TABLE, JSON }

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME",
            description = "Describe this collection in full (default: list all collections).")
    private String collection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    private Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = data.openExisting()) {
            if (collection != null) {
                CollectionDescription c = CollectionDescription.of(db.collection(collection));
                if (format == Format.JSON) {
                    out.print(DescriptionJson.collection(data.absolute(), c));
                } else {
                    DescriptionText.print(out, data.absolute(), c);
                }
            } else {
                List<CollectionDescription> all = new ArrayList<>();
                for (String name : db.collectionNames()) {
                    all.add(CollectionDescription.of(db.collection(name)));
                }
                if (format == Format.JSON) {
                    out.print(DescriptionJson.list(data.absolute(), all));
                } else {
                    DescriptionText.printList(out, data.absolute(), all);
                }
            }
        }
        out.flush();
        return 0;
    }
}
