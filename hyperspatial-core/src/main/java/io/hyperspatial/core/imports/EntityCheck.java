package io.hyperspatial.core.imports;

import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.core.imports.ImportedEntity.ImportedEdge;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.value.Value;

import java.util.List;
import java.util.Map;

/**
 * Checks an imported entity against the schema with storage's own rules ({@link WriteValidator}:
 * declared names, property types, vector dimensions and metric domains, finite numbers, positions
 * on the hyperboloid) before anything of its batch is written. A failure is a {@link RowException}
 * naming the line and the input member ({@code properties.age}, {@code vectors.emb},
 * {@code edges[2]}, {@code measures.temp}, {@code graph_position}). Stateless.
 */
final class EntityCheck {
    private EntityCheck() {
    }

    static void check(Schema schema, ImportedEntity e) {
        long line = e.line();
        EntityType type = at(line, "type", () -> schema.entityType(e.type()));
        for (Map.Entry<String, Value> p : e.properties().entrySet()) {
            at(line, "properties." + p.getKey(),
                    () -> WriteValidator.property(type, schema.property(type, p.getKey()), p.getValue()));
        }
        e.vectors().forEach((name, v) -> at(line, "vectors." + name, () -> {
            v.check(schema.vectorField(name));
            return v;
        }));
        List<ImportedEdge> edges = e.edges();
        for (int i = 0; i < edges.size(); i++) {
            ImportedEdge edge = edges.get(i);
            at(line, "edges[" + i + "]", () -> {
                WriteValidator.finite("weight", edge.weight());
                return schema.edgeType(edge.type());
            });
        }
        e.measures().forEach((name, points) -> at(line, "measures." + name, () -> {
            schema.measure(name);
            for (MeasurePoint p : points) {
                WriteValidator.finite(name, p.value());
            }
            return points;
        }));
        e.positions().forEach((kind, x) -> at(line, JsonlExport.positionMember(kind), () -> {
            WriteValidator.position(kind, schema.positionSpace(kind).orElse(null), x);
            return x;
        }));
    }

    private static <T> T at(long line, String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ManifoldException ex) {
            throw RowException.of(line, field, ex);
        }
    }
}
