package io.hyperspatial.cli;

import io.hyperspatial.cli.output.HumanFormat;
import io.hyperspatial.cli.output.TextTable;
import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.cli.schema.SchemaText;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code describe}'s table output, for people: a summary, then one aligned table per part of the schema. */
final class DescriptionText {
    private DescriptionText() {
    }

    /** The list of collections of a database, one row each. */
    static void printList(PrintWriter out, Path database, List<CollectionDescription> collections) {
        if (collections.isEmpty()) {
            out.println("Database " + database + " has no collections.");
            return;
        }
        out.println("Database " + database + ": " + collections.size()
                + (collections.size() == 1 ? " collection" : " collections"));
        out.println();
        TextTable table = new TextTable("COLLECTION", "ENTITIES", "DISK", "LAST CHANGE", "SCHEMA REVISION")
                .alignRight(1, 2, 3, 4);
        for (CollectionDescription c : collections) {
            table.add(c.name(), HumanFormat.count(c.entities()), HumanFormat.bytes(c.stats().diskBytes()),
                    c.stats().lastSequence(), c.stats().schemaRevision());
        }
        table.print(out);
    }

    /** One collection in full: a summary, then the entity types, vector fields, edge types and measures. */
    static void print(PrintWriter out, Path database, CollectionDescription c) {
        out.println("Collection '" + c.name() + "' in " + database);
        out.printf(Locale.ROOT, "  %-16s %s%n", "entities", HumanFormat.count(c.entities()));
        out.printf(Locale.ROOT, "  %-16s %s%n", "disk", HumanFormat.bytes(c.stats().diskBytes()));
        out.printf(Locale.ROOT, "  %-16s %d%n", "last change", c.stats().lastSequence());
        out.printf(Locale.ROOT, "  %-16s %d%n", "schema revision", c.stats().schemaRevision());

        TextTable types = new TextTable("ENTITY TYPE", "ENTITIES", "PROPERTIES").alignRight(1);
        for (EntityType type : c.entityTypes()) {
            String props = CollectionDescription.properties(type).stream()
                    .map(p -> p.name() + " " + p.type().displayName()).collect(Collectors.joining(", "));
            types.add(type.name(), HumanFormat.count(c.entitiesByType().getOrDefault(type.name(), 0L)),
                    props.isEmpty() ? "-" : props);
        }
        SchemaText.section(out, c.entityTypes().isEmpty(), "no entity types", types);

        TextTable vectors = new TextTable("VECTOR FIELD", "KIND", "DIMENSION", "METRIC", "INDEX").alignRight(2);
        for (VectorField f : c.vectorFields()) {
            vectors.add(f.name(), f.kind().name().toLowerCase(Locale.ROOT), f.dimension(), f.metric().displayName()
                    + (f.curvature() == 1.0 ? "" : " (c=" + f.curvature() + ")"),
                    f.kind() == VectorKind.DENSE ? CollectionSchema.VectorIndex.of(f.index()).text() : "-");
        }
        SchemaText.section(out, c.vectorFields().isEmpty(), "no vector fields", vectors);

        TextTable edges = new TextTable("EDGE TYPE");
        for (EdgeType e : c.edgeTypes()) {
            edges.add(e.name());
        }
        SchemaText.section(out, c.edgeTypes().isEmpty(), "no edge types", edges);

        TextTable measures = new TextTable("MEASURE", "RETENTION");
        for (MeasureDef m : c.measures()) {
            measures.add(m.name(), HumanFormat.retention(m.retention()));
        }
        SchemaText.section(out, c.measures().isEmpty(), "no measures", measures);
    }
}
