package io.hyperspatial.cli;

import io.hyperspatial.cli.query.ResultFormat;
import io.hyperspatial.cli.query.ResultPrinter;
import io.hyperspatial.cli.query.StatementRunner;
import io.hyperspatial.cli.query.StatementSplitter;
import io.hyperspatial.cli.query.StatementFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial query}: runs HyperQL statements against one collection, of a database
 * directory opened in process or on a server ({@code --url}), and prints each result as a table,
 * JSON or CSV. Errors are one line with the error code and the position in the text (see
 * {@link ErrorLine}); in a file, the position is counted in the file.
 */
@Command(name = "query", description = {"Runs HyperQL (SQL) statements against a collection.",
        "Give one statement as an argument, or a file of ';'-separated statements with -f.",
        "Opens --data in process, or sends the statements to a server with --url."})
final class QueryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Mixin
    private TargetOptions target;

    @Option(names = "--create", description = "Create the collection (and the database) if missing; local only.")
    private boolean create;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements in this file, in order.")
    private Path file;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "The statement to run.")
    private String sql;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A value for $NAME (repeatable): integers and decimals are numbers, anything else text.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv.")
    private ResultFormat format;

    @Override
    public Integer call() throws IOException {
        if ((sql == null) == (file == null)) {
            throw new CommandFailure("give one statement as an argument or a file with -f, not both or neither");
        }
        if (file != null && !params.isEmpty()) {
            throw new CommandFailure("--param applies to a single statement, not to a file");
        }
        String script = file != null ? Files.readString(file) : null;
        PrintWriter out = spec.commandLine().getOut();
        try (StatementRunner runner = target.open(spec, data, create)) {
            if (script == null) {
                ResultPrinter.print(out, runner.run(sql, parameters()), format);
            } else {
                for (StatementSplitter.Statement s : StatementSplitter.split(script)) {
                    try {
                        ResultPrinter.print(out, runner.run(s.text(), Map.of()), format);
                    } catch (StatementFailure f) {
                        throw f.within(s.start());
                    }
                }
            }
        } finally {
            out.flush();
        }
        return 0;
    }

    private Map<String, Object> parameters() {
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name.startsWith("$") ? name.substring(1) : name, parse(value)));
        return values;
    }

    /** A parameter's value: an integer, a decimal number, or the text as given. */
    static Object parse(String value) {
        if (value.matches("[-+]?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(value);
        }
        return value;
    }
}
