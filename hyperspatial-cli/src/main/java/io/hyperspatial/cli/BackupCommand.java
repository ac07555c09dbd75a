package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.store.Directories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial backup}: a consistent copy of one collection in a new directory (RocksDB
 * checkpoint: files are hard-linked where the file system allows), to be brought back with
 * {@code restore}.
 */
@Command(name = "backup", description = {"Write a consistent copy of a collection to a new directory.",
        "Files are hard-linked where the file system allows, so a backup on the same disk is fast and small."})
final class BackupCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection to back up.")
    private String collection;

    @Option(names = "--to", paramLabel = "PATH", required = true, description = "The backup directory; must not exist yet.")
    private Path to;

    @Override
    public Integer call() {
        try (Database db = data.openExisting()) {
            Collection c = db.collection(collection);
            long sequence = c.stats().lastSequence();
            c.backup(to);
            spec.commandLine().getOut().println("Backed up collection '" + collection + "' at change " + sequence
                    + " to " + to.toAbsolutePath().normalize() + " (" + HumanFormat.bytes(Directories.size(to)) + ").");
        }
        return 0;
    }
}
