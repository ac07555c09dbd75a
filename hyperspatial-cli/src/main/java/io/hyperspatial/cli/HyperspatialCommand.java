package io.hyperspatial.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The top-level {@code hyperspatial} command: global options and the list of subcommands.
 * {@link #commandLine()} builds the configured parser that {@link #main} and the tests run.
 */
@Command(name = "hyperspatial", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Hyperspatial, a multi-model database organised around hyperbolic space.",
        subcommands = {DemoCommand.class, DescribeCommand.class, SearchCommand.class, BackupCommand.class,
                RestoreCommand.class, CompactCommand.class, ServeCommand.class, KeysCommand.class, WordNetCommand.class,
                PositionCommand.class, ImportCommand.class, ExportCommand.class, QueryCommand.class, ReplCommand.class, SchemaCommand.class,
                SltCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 usage or database error, 1 unexpected failure.",
                "Set HYPERSPATIAL_DEBUG=1 (or pass --verbose) for stack traces."})
public final class HyperspatialCommand implements Callable<Integer> {
    /** The global option; read by {@link ExecutionErrorHandler} from the parse result. */
    static final String VERBOSE = "--verbose";

    @Spec
    private CommandSpec spec;

    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The parser with this command's error handling; set its out/err to capture output. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HyperspatialCommand());
        cl.setExecutionExceptionHandler(new ExecutionErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'hyperspatial demo'");
    }
}
