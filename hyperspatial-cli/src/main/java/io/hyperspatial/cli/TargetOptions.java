package io.hyperspatial.cli;

import io.hyperspatial.cli.query.LocalRunner;
import io.hyperspatial.cli.query.RemoteRunner;
import io.hyperspatial.cli.query.StatementRunner;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that say where a command's statements run, shared by {@code query}, {@code repl}
 * and {@code schema}: a collection ({@code -c}) either in a database directory opened in this
 * process ({@code --data}, the {@link DataDirectory} mixin) or on a server ({@code --url}, with an
 * optional {@code --api-key}, by default {@code $HYPERSPATIAL_API_KEY}). {@code --data} and
 * {@code --url} exclude each other.
 */
final class TargetOptions {
    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection.")
    private String collection;

    @Option(names = "--url", paramLabel = "URL",
            description = "Run against the server at URL (e.g. http://127.0.0.1:7701) instead of opening --data.")
    private String url;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:HYPERSPATIAL_API_KEY}",
            description = "With --url: the API key to send (default: $HYPERSPATIAL_API_KEY).")
    private String apiKey;

    String collection() {
        return collection;
    }

    /**
     * Opens the runner the options ask for; {@code create} makes a missing local database and
     * collection (a server's collections are created through its API).
     */
    StatementRunner open(CommandSpec spec, DataDirectory data, boolean create) {
        boolean dataGiven = spec.commandLine().getParseResult().hasMatchedOption("--data");
        if (url != null) {
            if (dataGiven) {
                throw new CommandFailure("give either --data (open a database directory) or --url (ask a server), not both");
            }
            if (create) {
                throw new CommandFailure("--create opens a local --data directory; on a server, create the collection"
                        + " with POST /v1/collections");
            }
            return new RemoteRunner(url, collection, apiKey);
        }
        return new LocalRunner(create ? data.openOrCreate() : data.openExisting(), collection, create);
    }
}
