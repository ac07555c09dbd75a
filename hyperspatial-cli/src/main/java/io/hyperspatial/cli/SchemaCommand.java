package io.hyperspatial.cli;

import io.hyperspatial.cli.query.StatementRunner;
import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.cli.schema.SchemaJsonOutput;
import io.hyperspatial.cli.schema.SchemaText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial schema}: one collection's schema (entity types with typed properties, vector
 * fields, edge types, measures, position spaces, property indexes and the SQL tables over them),
 * local or from a server, as tables or JSON. Reads only; never creates anything.
 */
@Command(name = "schema", description = {"Show a collection's schema (types, vectors, edges, positions, indexes, tables).",
        "Entity types with typed properties, vector fields, edge types, measures, position spaces,",
        "property indexes and the SQL tables over them. Opens --data, or asks a server with --url."})
final class SchemaCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TABLE, JSON }

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Mixin
    private TargetOptions target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    private Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StatementRunner runner = target.open(spec, data, false)) {
            CollectionSchema schema = runner.schema();
            if (format == Format.JSON) {
                out.print(SchemaJsonOutput.of(schema));
            } else {
                SchemaText.print(out, runner.target(), schema);
            }
        }
        out.flush();
        return 0;
    }
}
