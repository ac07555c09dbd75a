package io.hyperspatial.cli.schema;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.cli.output.TextTable;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A {@link CollectionSchema} as aligned tables, for people: entity types with their typed
 * properties, vector fields, edge types, measures, position spaces, property indexes and the SQL
 * tables HyperQL sees. A part with nothing in it is one line, {@code (no vector fields)}.
 */
public final class SchemaText {
    private SchemaText() {
    }

    /** The whole schema, after a heading naming the collection and where it is. */
    public static void print(PrintWriter out, String target, CollectionSchema s) {
        out.println("Schema of " + target + " (revision " + s.revision() + ")");

        TextTable types = new TextTable("ENTITY TYPE", "PROPERTIES");
        s.entityTypes().forEach(t -> types.add(t.name(), t.properties().isEmpty() ? "-" : t.properties().stream()
                .map(p -> p.name() + " " + p.type()).collect(Collectors.joining(", "))));
        section(out, s.entityTypes().isEmpty(), "no entity types", types);

        TextTable vectors = new TextTable("VECTOR FIELD", "KIND", "DIMENSION", "METRIC", "INDEX").alignRight(2);
        s.vectorFields().forEach(f -> vectors.add(f.name(), f.kind(), f.dimension(),
                f.metric() + (f.curvature() == 1.0 ? "" : " (c=" + f.curvature() + ")"),
                f.index() == null ? "-" : f.index().text()));
        section(out, s.vectorFields().isEmpty(), "no vector fields", vectors);

        TextTable edges = new TextTable("EDGE TYPE");
        s.edgeTypes().forEach(edges::add);
        section(out, s.edgeTypes().isEmpty(), "no edge types", edges);

        TextTable measures = new TextTable("MEASURE", "RETENTION");
        s.measures().forEach(m -> measures.add(m.name(), HumanFormat.retention(Duration.ofSeconds(m.retentionSeconds()))));
        section(out, s.measures().isEmpty(), "no measures", measures);

        TextTable positions = new TextTable("POSITION SPACE", "DIMENSION", "CURVATURE", "LEARNED FROM").alignRight(1, 2);
        s.positionSpaces().forEach(p -> positions.add(p.kind(), p.dimension(), p.curvature(),
                p.edgeTypes().isEmpty() ? "-" : String.join(", ", p.edgeTypes())));
        section(out, s.positionSpaces().isEmpty(), "no position spaces", positions);

        TextTable indexes = new TextTable("INDEX", "ON");
        s.indexes().forEach(i -> indexes.add(i.name(), i.entityType() + "." + i.property()));
        section(out, s.indexes().isEmpty(), "no property indexes", indexes);

        TextTable tables = new TextTable("SQL TABLE", "COLUMNS");
        s.tables().forEach(t -> tables.add(t.name(), columns(t)));
        section(out, s.tables().isEmpty(), "no SQL tables", tables);
    }

    /** One SQL table's columns, one line each: {@code name  TYPE}. */
    public static void printTable(PrintWriter out, CollectionSchema.Table table) {
        TextTable columns = new TextTable("COLUMN", "TYPE");
        table.columns().forEach(c -> columns.add(c.name(), c.type().isEmpty() ? "-" : c.type()));
        out.println("Table " + table.name());
        columns.print(out);
    }

    private static String columns(CollectionSchema.Table t) {
        return t.columns().stream().map(c -> c.type().isEmpty() ? c.name() : c.name() + " " + c.type())
                .collect(Collectors.joining(", "));
    }

    /** A blank line, then the table, or a note that there is nothing of this kind. */
    public static void section(PrintWriter out, boolean empty, String none, TextTable table) {
        out.println();
        if (empty) {
            out.println("(" + none + ")");
        } else {
            table.print(out);
        }
    }
}
