package io.hyperspatial.core.exports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.hyperspatial.core.json.ValueJson;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes a collection as CSV (RFC 4180, header row) from one consistent {@link ReadView}, one
 * entity per record, for spreadsheets and tools that read tables. Columns: {@code key},
 * {@code id}, {@code type}, one column per property name of any entity type (sorted; a property
 * named like one of the fixed columns is headed {@code property:<name>}), then {@code vectors},
 * {@code edges}, {@code measures} and the three {@code *_position} columns, whose cells hold the
 * JSON of those parts as in {@link JsonlExport}. Property cells: text as is, numbers and booleans
 * as JSON writes them, timestamps ISO-8601, bytes base64, lists and maps as JSON. An absent part
 * is an empty cell. The lossless format for moving a collection is {@link JsonlExport}; this one
 * has no schema header. Not thread-safe; one per export.
 */
public final class CsvExport {
    private static final CsvFactory CSV = CsvFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final List<String> PARTS = List.of("vectors", "edges", "measures");

    private final ReadView view;
    private final CsvGenerator csv;
    private final List<String> properties;
    private final List<String> columns = new ArrayList<>();
    private long entities;

    private CsvExport(ReadView view, Writer out) throws IOException {
        this.view = view;
        Set<String> names = new TreeSet<>();
        for (EntityType t : view.schema().entityTypes().values()) {
            names.addAll(t.properties().keySet());
        }
        this.properties = List.copyOf(names);
        List<String> fixed = new ArrayList<>(List.of("key", "id", "type"));
        fixed.addAll(PARTS);
        for (PositionKind kind : PositionKind.values()) {
            fixed.add(JsonlExport.positionMember(kind));
        }
        columns.addAll(fixed.subList(0, 3));
        properties.forEach(p -> columns.add(fixed.contains(p) ? "property:" + p : p));
        columns.addAll(fixed.subList(3, fixed.size()));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        this.csv = CSV.createGenerator(out);
        this.csv.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        this.csv.setSchema(schema.build());
    }

    /** Writes the header and every entity of the view to {@code out} (left open); returns how many entities. */
    public static long write(ReadView view, Writer out) {
        try {
            CsvExport export = new CsvExport(view, out);
            view.entities().forEach(export::entity);
            export.csv.flush();
            if (export.entities == 0) {
                // the generator writes the header with the first record; an empty table still has one
                out.write(String.join(",", export.columns) + "\n");
            }
            return export.entities;
        } catch (IOException e) {
            throw failed(e);
        } catch (UncheckedIOException e) {
            throw failed(e.getCause());
        }
    }

    private static StorageException failed(IOException e) {
        return new StorageException(ErrorCode.STORAGE_IO, "export failed: " + e.getMessage(), e);
    }

    private void entity(Entity e) {
        try {
            UUID id = e.id();
            csv.writeStartArray();
            cell(e.key().orElse(null));
            cell(id.toString());
            cell(e.type());
            Map<String, Value> values = view.properties().all(id);
            for (String p : properties) {
                Value v = values.get(p);
                cell(v == null ? null : text(v));
            }
            cell(json(g -> EntityParts.vectors(g, view, id, null)));
            cell(json(g -> EntityParts.edges(g, view, id, null)));
            cell(json(g -> EntityParts.measures(g, view, id, null)));
            for (PositionKind kind : PositionKind.values()) {
                cell(json(g -> EntityParts.position(g, view, id, kind, null)));
            }
            csv.writeEndArray();
            entities++;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void cell(String text) throws IOException {
        if (text == null || text.isEmpty()) {
            csv.writeNull();
        } else {
            csv.writeString(text);
        }
    }

    private static String text(Value v) throws IOException {
        return switch (v) {
            case Value.StringValue s -> s.value();
            case Value.BytesValue b -> Base64.getEncoder().encodeToString(b.value());
            case Value.TimestampValue t -> t.value().toString();
            default -> json(g -> ValueJson.write(g, v));
        };
    }

    /** A part written by {@code part} as JSON text; empty when it wrote nothing. */
    private static String json(Part part) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            part.write(g);
        }
        return text.toString();
    }

    /** Writes one part with a generator. */
    private interface Part {
        void write(JsonGenerator g) throws IOException;
    }
}
