package io.hyperspatial.core.exports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.core.json.SchemaJson;
import io.hyperspatial.core.json.ValueJson;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.SparseVector;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

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
            properties(e.id());
            vectors(e.id());
            edges(e.id());
            measures(e.id());
            for (PositionKind kind : PositionKind.values()) {
                Optional<double[]> p = view.positions().get(e.id(), kind);
                if (p.isPresent()) {
                    g.writeFieldName(kind.name().toLowerCase(Locale.ROOT) + "_position");
                    g.writeArray(p.get(), 0, p.get().length);
                }
            }
            g.writeEndObject();
            g.writeRaw('\n');
            entities++;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void properties(UUID id) throws IOException {
        Map<String, Value> props = view.properties().all(id);
        if (props.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("properties");
        for (Map.Entry<String, Value> p : new TreeMap<>(props).entrySet()) {
            g.writeFieldName(p.getKey());
            ValueJson.write(g, p.getValue());
        }
        g.writeEndObject();
    }

    private void vectors(UUID id) throws IOException {
        boolean started = false;
        for (VectorField f : new TreeMap<>(view.schema().vectorFields()).values()) {
            Object vector = switch (f.kind()) {
                case DENSE -> view.vectors().dense(id, f.name()).orElse(null);
                case SPARSE -> view.vectors().sparse(id, f.name()).orElse(null);
                case MULTI -> view.vectors().multi(id, f.name()).orElse(null);
            };
            if (vector == null) {
                continue;
            }
            if (!started) {
                g.writeObjectFieldStart("vectors");
                started = true;
            }
            g.writeFieldName(f.name());
            switch (vector) {
                case float[] dense -> floats(dense);
                case SparseVector sparse -> {
                    g.writeStartObject();
                    g.writeFieldName("indices");
                    g.writeArray(sparse.indices(), 0, sparse.indices().length);
                    g.writeFieldName("values");
                    floats(sparse.values());
                    g.writeEndObject();
                }
                case List<?> multi -> {
                    g.writeStartArray();
                    for (Object v : multi) {
                        floats((float[]) v);
                    }
                    g.writeEndArray();
                }
                default -> throw new IllegalStateException("unknown vector " + vector.getClass());
            }
        }
        if (started) {
            g.writeEndObject();
        }
    }

    private void floats(float[] v) throws IOException {
        g.writeStartArray();
        for (float f : v) {
            g.writeNumber(f);
        }
        g.writeEndArray();
    }

    private void edges(UUID id) throws IOException {
        List<Edge> out = view.graph().outgoing(id);
        if (out.isEmpty()) {
            return;
        }
        List<TargetedEdge> edges = new ArrayList<>(out.size());
        for (Edge edge : out) {
            Optional<String> key = view.entities().get(edge.to()).flatMap(Entity::key);
            edges.add(new TargetedEdge(edge.type(), key.isPresent(), key.orElse(edge.to().toString()), edge.weight()));
        }
        edges.sort(TargetedEdge.ORDER);
        g.writeArrayFieldStart("edges");
        for (TargetedEdge edge : edges) {
            g.writeStartObject();
            g.writeStringField("type", edge.type());
            g.writeStringField(edge.byKey() ? "to" : "to_id", edge.target());
            g.writeNumberField("weight", edge.weight());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** An outgoing edge with its target named by key, or by id when {@code byKey} is false. */
    private record TargetedEdge(String type, boolean byKey, String target, float weight) {
        static final Comparator<TargetedEdge> ORDER = Comparator.comparing(TargetedEdge::type)
                .thenComparing(TargetedEdge::byKey).thenComparing(TargetedEdge::target);
    }

    private void measures(UUID id) throws IOException {
        boolean started = false;
        for (MeasureDef m : new TreeMap<>(view.schema().measures()).values()) {
            List<MeasurePoint> points = view.measures().range(id, m.name(), Long.MIN_VALUE, Long.MAX_VALUE);
            if (points.isEmpty()) {
                continue;
            }
            if (!started) {
                g.writeObjectFieldStart("measures");
                started = true;
            }
            g.writeArrayFieldStart(m.name());
            for (MeasurePoint p : points) {
                g.writeStartArray();
                g.writeNumber(p.timeMillis());
                g.writeNumber(p.value());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (started) {
            g.writeEndObject();
        }
    }
}
