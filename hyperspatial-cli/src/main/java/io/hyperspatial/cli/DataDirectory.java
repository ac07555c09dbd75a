package io.hyperspatial.cli;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --data} option shared by the commands that open a database directory directly, and
 * the two ways of opening it: an existing database only (inspecting commands must not create one
 * by accident) or creating it if needed. Commands use the small storage preset: a short-lived
 * process needs little cache.
 */
final class DataDirectory {
    static final String DEFAULT = "./data";

    @Option(names = {"-d", "--data"}, paramLabel = "DIR", defaultValue = DEFAULT,
            description = "The database directory (default: ${DEFAULT-VALUE}).")
    private Path dir;

    Path path() {
        return dir;
    }

    /** The absolute, normalised path, for messages and suggested commands. */
    Path absolute() {
        return dir.toAbsolutePath().normalize();
    }

    /** Opens the database in {@code --data}, failing if there is none (never creates one). */
    Database openExisting() {
        if (!Files.isDirectory(dir)) {
            throw new CommandFailure("no database at " + dir + ": the directory does not exist"
                    + " (to create one: " + Launcher.command() + " demo --data " + Launcher.shell(dir.toString()) + ")");
        }
        if (!Files.isDirectory(dir.resolve("collections"))) {
            throw new CommandFailure(dir + " is not a Hyperspatial database (it has no collections/ directory)");
        }
        return Database.open(dir, options());
    }

    /** Opens the database in {@code --data}, creating the directory and an empty database if needed. */
    Database openOrCreate() {
        return Database.open(dir, options());
    }

    /**
     * Creates collection {@code name} in {@code db} (opened from this directory) for a command
     * that fills it: one that exists is a {@code collection.exists} error, unless {@code replace},
     * when it is dropped first.
     */
    Collection freshCollection(Database db, String name, boolean replace) {
        if (db.findCollection(name).isPresent()) {
            if (!replace) {
                throw new ConflictException(ErrorCode.COLLECTION_EXISTS, name, "collection '" + name
                        + "' already exists in " + absolute() + "; pass --force to replace it");
            }
            db.dropCollection(name);
        }
        return db.createCollection(name);
    }

    private static DatabaseOptions options() {
        return DatabaseOptions.preset(StoragePreset.SMALL);
    }
}
