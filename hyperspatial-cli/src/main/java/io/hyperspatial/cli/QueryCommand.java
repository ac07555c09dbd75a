package io.hyperspatial.cli;

import io.hyperspatial.cli.output.JsonWriter;
import io.hyperspatial.cli.output.TextTable;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.core.query.CollectionDataSource;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial query}: runs HyperQL statements against one collection of a database
 * directory, opened in process, and prints each result as a table, JSON or CSV. Errors are one
 * line with the error code and the position in the text (see {@link ExecutionErrorHandler}).
 */
@Command(name = "query", description = {"Runs HyperQL (SQL) statements against a collection.",
        "Give one statement as an argument, or a file of ';'-separated statements with -f."})
final class QueryCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { TABLE, JSON, CSV }

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", required = true, description = "The collection.")
    private String collection;

    @Option(names = "--create", description = "Create the collection (and the database) if missing.")
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
    private Format format;

    @Override
    public Integer call() throws IOException {
        if ((sql == null) == (file == null)) {
            throw new CommandFailure("give one statement as an argument or a file with -f, not both or neither");
        }
        if (file != null && !params.isEmpty()) {
            throw new CommandFailure("--param applies to a single statement, not to a file");
        }
        String text = file != null ? Files.readString(file) : sql;
        PrintWriter out = spec.commandLine().getOut();
        try (HyperspatialDatabase db = HyperspatialDatabase.open(create ? data.openOrCreate() : data.openExisting(),
                CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN)) {
            Collection c = create ? db.storage().getOrCreateCollection(collection) : db.collection(collection);
            Engine engine = new Engine(new CollectionDataSource(c, () -> db.indexer(collection), Durability.STRICT));
            List<StatementResult> results = file != null ? engine.executeScript(text)
                    : List.of(engine.execute(text, parameters()));
            for (StatementResult r : results) {
                print(out, r);
            }
        }
        out.flush();
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

    private void print(PrintWriter out, StatementResult result) {
        switch (result) {
            case StatementResult.Rows rows -> {
                switch (format) {
                    case TABLE -> {
                        TextTable table = new TextTable(rows.columns().toArray(String[]::new));
                        rows.rows().forEach(r -> table.add(r.stream().map(QueryCommand::text).toArray()));
                        table.print(out);
                        out.println("(" + rows.rows().size() + (rows.rows().size() == 1 ? " row)" : " rows)"));
                    }
                    case JSON -> out.println(json(rows));
                    case CSV -> {
                        out.println(String.join(",", rows.columns().stream().map(QueryCommand::csv).toList()));
                        rows.rows().forEach(r -> out.println(String.join(",",
                                r.stream().map(v -> v == null ? "" : csv(text(v))).toList())));
                    }
                }
            }
            case StatementResult.Count count -> {
                if (format == Format.JSON) {
                    out.println(new JsonWriter().beginObject().name("rows_affected").value(count.changed()).endObject());
                } else {
                    out.println(count.changed() + (count.changed() == 1 ? " row changed" : " rows changed"));
                }
            }
            case StatementResult.SchemaChange change -> {
                if (format == Format.JSON) {
                    out.println(new JsonWriter().beginObject().name("schema_change").value(change.description()).endObject());
                } else {
                    out.println(change.description());
                }
            }
        }
    }

    /** A value as text: SQL's text form of numbers, NULL, blobs in hex literal form, vectors as arrays. */
    static String text(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Long l -> TextForm.of(l);
            case Double d -> TextForm.of(d);
            case Blob b -> b.toString();
            case Vector v -> v.toString();
            default -> value.toString();
        };
    }

    private static String json(StatementResult.Rows rows) {
        JsonWriter json = new JsonWriter().beginObject().name("columns").beginArray();
        rows.columns().forEach(json::value);
        json.endArray().name("rows").beginArray();
        for (List<Object> row : rows.rows()) {
            json.beginArray();
            for (Object v : row) {
                switch (v) {
                    case null -> json.nullValue();
                    case Long l -> json.value(l);
                    case Double d -> json.value(d);
                    case Vector vector -> {
                        json.beginArray();
                        for (float f : vector.components()) {
                            json.value(f);
                        }
                        json.endArray();
                    }
                    default -> json.value(text(v));
                }
            }
            json.endArray();
        }
        return json.endArray().endObject().toString();
    }

    private static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
