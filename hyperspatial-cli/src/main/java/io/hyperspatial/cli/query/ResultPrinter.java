package io.hyperspatial.cli.query;

import io.hyperspatial.cli.output.JsonWriter;
import io.hyperspatial.cli.output.TextTable;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Vector;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints statement results in a {@link ResultFormat}. Rows: a table with a row count, JSON
 * {@code {"columns": [...], "rows": [[...]]}} (numbers as numbers, vectors as arrays, NULL as
 * null) or CSV with a header (NULL as an empty field); DML prints the rows changed, DDL what it
 * did (both as one-member objects in JSON). Stateless.
 */
public final class ResultPrinter {
    private ResultPrinter() {
    }

    public static void print(PrintWriter out, StatementResult result, ResultFormat format) {
        switch (result) {
            case StatementResult.Rows rows -> {
                switch (format) {
                    case TABLE -> {
                        TextTable table = new TextTable(rows.columns().toArray(String[]::new));
                        rows.rows().forEach(r -> table.add(r.stream().map(ResultPrinter::text).toArray()));
                        table.print(out);
                        out.println("(" + rows.rows().size() + (rows.rows().size() == 1 ? " row)" : " rows)"));
                    }
                    case JSON -> out.print(json(rows));
                    case CSV -> {
                        out.println(String.join(",", rows.columns().stream().map(ResultPrinter::csv).toList()));
                        rows.rows().forEach(r -> out.println(String.join(",",
                                r.stream().map(v -> v == null ? "" : csv(text(v))).toList())));
                    }
                }
            }
            case StatementResult.Count count -> {
                if (format == ResultFormat.JSON) {
                    out.print(new JsonWriter().beginObject().name("rows_affected").value(count.changed()).endObject());
                } else {
                    out.println(count.changed() + (count.changed() == 1 ? " row changed" : " rows changed"));
                }
            }
            case StatementResult.SchemaChange change -> {
                if (format == ResultFormat.JSON) {
                    out.print(new JsonWriter().beginObject().name("schema_change").value(change.description()).endObject());
                } else {
                    out.println(change.description());
                }
            }
        }
    }

    /** A value as text: SQL's text form of numbers, NULL, blobs in hex literal form, vectors as arrays. */
    public static String text(Object value) {
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
                    case Double d when Double.isFinite(d) -> json.value(d);
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
