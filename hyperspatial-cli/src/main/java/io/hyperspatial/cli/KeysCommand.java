package io.hyperspatial.cli;

import io.hyperspatial.cli.output.TextTable;
import io.hyperspatial.server.auth.ApiKey;
import io.hyperspatial.server.auth.ApiKeys;
import io.hyperspatial.server.auth.KeyFileException;
import io.hyperspatial.server.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial keys}: API key files for {@code serve --api-keys}. {@code add} makes a new
 * random key, stores only its SHA-256 and prints the key once; {@code list} shows names, roles
 * and hash prefixes.
 */
@Command(name = "keys", description = "Manage API key files for 'serve --api-keys'.",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class})
final class KeysCommand {

    /** {@code keys add}. */
    @Command(name = "add", description = {"Create a random API key, store its SHA-256 in FILE and print the key.",
            "The key is shown this once; the file never holds it."})
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--role", paramLabel = "ROLE", required = true, description = "admin, write or read.")
        private String role;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "Who the key is for.")
        private String name;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "The key file (created if missing).")
        private Path file;

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            try {
                String key = ApiKeys.add(file, r, name);
                spec.commandLine().getOut().println(key);
                spec.commandLine().getErr().println("added " + r.displayName() + " key '" + name + "' to " + file
                        + "; save the key now, it is not shown again");
            } catch (KeyFileException e) {
                throw new CommandFailure(e.getMessage());
            }
            return 0;
        }
    }

    /** {@code keys list}. */
    @Command(name = "list", description = "List the keys of FILE: name, role and the start of the key's SHA-256.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "The key file.")
        private Path file;

        @Override
        public Integer call() {
            List<ApiKey> keys;
            try {
                keys = ApiKeys.load(file).all();
            } catch (KeyFileException e) {
                throw new CommandFailure(e.getMessage());
            }
            TextTable table = new TextTable("NAME", "ROLE", "SHA-256");
            keys.stream().sorted(Comparator.comparing(ApiKey::name))
                    .forEach(k -> table.add(k.name(), k.role().displayName(), k.sha256Hex().substring(0, 12) + "…"));
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }
}
