package io.hyperspatial.cli;

import io.hyperspatial.cli.query.ResultFormat;
import io.hyperspatial.cli.query.StatementRunner;
import io.hyperspatial.cli.repl.PipedRepl;
import io.hyperspatial.cli.repl.ReplSession;
import io.hyperspatial.cli.repl.TerminalRepl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial repl}: an interactive HyperQL shell on one collection, local ({@code --data})
 * or on a server ({@code --url}). On a terminal it runs the JLine editor ({@link TerminalRepl});
 * otherwise it runs the statements of its input ({@link PipedRepl}) and exits 2 if any failed.
 */
@Command(name = "repl", description = {"An interactive HyperQL shell on a collection (history, completion, highlighting).",
        "Opens --data in process, or talks to a server with --url. Statements end with ';'; .help lists the commands.",
        "With input that is not a terminal, runs its statements and exits 2 if any failed."})
final class ReplCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Mixin
    private TargetOptions target;

    @Option(names = "--create", description = "Create the collection (and the database) if missing; local only.")
    private boolean create;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv; .format changes it.")
    private ResultFormat format;

    @Option(names = "--history", paramLabel = "FILE", defaultValue = "${sys:user.home}/.hyperspatial_history",
            description = "The history file (default: ${DEFAULT-VALUE}).")
    private Path history;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (StatementRunner runner = target.open(spec, data, create)) {
            if (System.console() != null && System.console().isTerminal()) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    new TerminalRepl(new ReplSession(runner, terminal.writer(), terminal.writer(), format), terminal, history).run();
                }
                return 0;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return PipedRepl.run(new ReplSession(runner, out, err, format), in) ? ExecutionErrorHandler.FAILED : 0;
        }
    }
}
