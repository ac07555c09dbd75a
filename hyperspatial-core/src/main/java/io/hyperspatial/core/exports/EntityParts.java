package io.hyperspatial.core.exports;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hyperspatial.core.json.ValueJson;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.SparseVector;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The parts of an exported entity as JSON, shared by {@link JsonlExport} (as members of the
 * entity's line) and {@link CsvExport} (as the JSON text of a cell). Each writes nothing when the
 * entity has nothing of that part; otherwise the value, under the member name {@code field}, or
 * bare when {@code field} is null. Names are sorted and edges ordered by type and target, so the
 * output does not depend on entity ids. Stateless.
 */
final class EntityParts {
    private EntityParts() {
    }

    static void properties(JsonGenerator g, ReadView view, UUID id, String field) throws IOException {
        Map<String, Value> props = view.properties().all(id);
        if (props.isEmpty()) {
            return;
        }
        name(g, field);
        g.writeStartObject();
        for (Map.Entry<String, Value> p : new TreeMap<>(props).entrySet()) {
            g.writeFieldName(p.getKey());
            ValueJson.write(g, p.getValue());
        }
        g.writeEndObject();
    }

    static void vectors(JsonGenerator g, ReadView view, UUID id, String field) throws IOException {
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
                name(g, field);
                g.writeStartObject();
                started = true;
            }
            g.writeFieldName(f.name());
            switch (vector) {
                case float[] dense -> floats(g, dense);
                case SparseVector sparse -> {
                    g.writeStartObject();
                    g.writeFieldName("indices");
                    g.writeArray(sparse.indices(), 0, sparse.indices().length);
                    g.writeFieldName("values");
                    floats(g, sparse.values());
                    g.writeEndObject();
                }
                case List<?> multi -> {
                    g.writeStartArray();
                    for (Object v : multi) {
                        floats(g, (float[]) v);
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

    private static void floats(JsonGenerator g, float[] v) throws IOException {
        g.writeStartArray();
        for (float f : v) {
            g.writeNumber(f);
        }
        g.writeEndArray();
    }

    static void edges(JsonGenerator g, ReadView view, UUID id, String field) throws IOException {
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
        name(g, field);
        g.writeStartArray();
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

    static void measures(JsonGenerator g, ReadView view, UUID id, String field) throws IOException {
        boolean started = false;
        for (MeasureDef m : new TreeMap<>(view.schema().measures()).values()) {
            List<MeasurePoint> points = view.measures().range(id, m.name(), Long.MIN_VALUE, Long.MAX_VALUE);
            if (points.isEmpty()) {
                continue;
            }
            if (!started) {
                name(g, field);
                g.writeStartObject();
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

    /** The entity's position of {@code kind} as Lorentz coordinates, time first. */
    static void position(JsonGenerator g, ReadView view, UUID id, PositionKind kind, String field) throws IOException {
        Optional<double[]> p = view.positions().get(id, kind);
        if (p.isPresent()) {
            name(g, field);
            g.writeArray(p.get(), 0, p.get().length);
        }
    }

    /** The member name a part is written under, or nothing when it is written as a bare value. */
    private static void name(JsonGenerator g, String field) throws IOException {
        if (field != null) {
            g.writeFieldName(field);
        }
    }
}
