package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial restore}: brings a collection back from a {@code backup} directory, under
 * any name. The backup is copied, never modified, and checked before anything existing is
 * touched. Creates the database if {@code --data} has none (restoring onto a new machine).
 */
@Command(name = "restore", description = {"Restore a collection from a backup directory.",
        "The backup is copied, never modified. Creates the database if there is none."})
final class RestoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true,
            description = "The name to restore the collection under.")
    private String collection;

    @Option(names = "--from", paramLabel = "PATH", required = true, description = "A directory written by 'backup'.")
    private Path from;

    @Option(names = "--replace", description = "Replace a collection of that name if there is one.")
    private boolean replace;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from.resolve("CURRENT"))) {
            throw new CommandFailure(from + (Files.isDirectory(from) ? " is not a collection backup (it has no CURRENT file)"
                    : " does not exist"));
        }
        try (Database db = data.openOrCreate()) {
            if (!replace && db.findCollection(collection).isPresent()) {
                throw new ConflictException(ErrorCode.COLLECTION_EXISTS, collection, "collection '" + collection
                        + "' already exists in " + data.absolute() + "; pass --replace to replace it");
            }
            Collection c = db.restoreCollection(collection, from, replace);
            long entities = c.read(view -> view.entities().count());
            spec.commandLine().getOut().println("Restored collection '" + collection + "' in " + data.absolute()
                    + " from " + from.toAbsolutePath().normalize() + ": " + HumanFormat.count(entities)
                    + " entities, last change " + c.stats().lastSequence() + ".");
        }
        return 0;
    }
}
