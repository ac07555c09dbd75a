package io.hyperspatial.core.exports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.core.json.SchemaJson;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.PositionKind;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes a collection as JSON Lines from one consistent {@link ReadView}: a header line, then one
 * entity per line. The header names the format and its version and carries the schema (see
 * {@link SchemaJson}), so that an import into an empty collection declares what this one holds:
 * <pre>{"format": "hyperspatial.export", "version": 1, "schema": {…}}</pre>
 * Each entity line:
 * <pre>{"key": "n02084071", "id": "…", "type": "Synset", "properties": {…},
 *  "vectors": {"emb": [0.1, …], "tags": {"indices": […], "values": […]}, "parts": [[…], …]},
 *  "edges": [{"type": "hypernym", "to": "n02083346", "weight": 1.0}],
 *  "measures": {"temp": [[timeMillis, value], …]},
 *  "graph_position": [x0, x1, …]}</pre>
 * Empty parts are left out. Edges are the entity's active outgoing edges, their target named by
 * its key under {@code to} (or, when it has none, by its id under {@code to_id}), sorted by type
 * and target; vectors and measures are sorted by name, so the lines do not depend on entity ids. Positions are Lorentz coordinates, time first, under
 * {@code graph_position}, {@code embedding_position}, {@code property_position}. Everything the
 * collection holds of an entity but its trajectories is written, so an import of the file into a
 * collection of the same schema restores it. Not thread-safe; one per export.
 */
public final class JsonlExport {
    /** The {@code format} member of the header line. */
    public static final String FORMAT = "hyperspatial.export";
    /** The version of the line format; an import refuses other versions. */
    public static final int VERSION = 1;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ReadView view;
    private final JsonGenerator g;
    private long entities;

    private JsonlExport(ReadView view, Writer out) throws IOException {
        this.view = view;
        this.g = JSON.createGenerator(out);
        this.g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        this.g.setRootValueSeparator(null); // lines are ended by hand; no space before the next object

    }

    /** Writes the header and every entity of the view to {@code out} (left open); returns how many entities. */
    public static long write(ReadView view, Writer out) {
        try {
            JsonlExport export = new JsonlExport(view, out);
            export.header();
            view.entities().forEach(export::entity);
            export.g.flush();
            return export.entities;
        } catch (IOException e) {
            throw failed(e);
        } catch (UncheckedIOException e) {
            throw failed(e.getCause());
        }
    }

    /** The member holding a position of {@code kind}: {@code graph_position}, {@code embedding_position}, {@code property_position}. */
    public static String positionMember(PositionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + "_position";
    }

    private static StorageException failed(IOException e) {
        return new StorageException(ErrorCode.STORAGE_IO, "export failed: " + e.getMessage(), e);
    }

    private void header() throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeFieldName("schema");
        SchemaJson.write(g, view.schema());
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private void entity(Entity e) {
        try {
            g.writeStartObject();
            if (e.key().isPresent()) {
                g.writeStringField("key", e.key().get());
            }
            g.writeStringField("id", e.id().toString());
            g.writeStringField("type", e.type());
            EntityParts.properties(g, view, e.id(), "properties");
            EntityParts.vectors(g, view, e.id(), "vectors");
            EntityParts.edges(g, view, e.id(), "edges");
            EntityParts.measures(g, view, e.id(), "measures");
            for (PositionKind kind : PositionKind.values()) {
                EntityParts.position(g, view, e.id(), kind, positionMember(kind));
            }
            g.writeEndObject();
            g.writeRaw('\n');
            entities++;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
