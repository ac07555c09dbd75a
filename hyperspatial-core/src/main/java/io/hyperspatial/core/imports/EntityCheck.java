package io.hyperspatial.core.imports;

import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.core.imports.ImportedEntity.ImportedEdge;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;

import java.util.List;
import java.util.Map;

/**
 * Checks an imported entity against the schema with storage's own rules ({@link WriteValidator}:
 * declared names, property types, vector dimensions and metric domains, finite numbers, positions
 * on the hyperboloid) before anything of its batch is written. A failure is a {@link RowException}
 * naming the line and the input member ({@code properties.age}, {@code vectors.emb},
 * {@code edges[2]}, {@code measures.temp}, {@code graph_position}); the member's name is only
 * built for a failure, since this runs for every row of an import. Stateless.
 */
final class EntityCheck {
    private EntityCheck() {
    }

    /** Checks all of {@code e}. */
    static void check(Schema schema, ImportedEntity e) {
        check(schema, e, e.properties());
    }

    /**
     * Checks {@code e} but, of its properties, only {@code properties} (the others were checked
     * against the same rules as they were read).
     */
    static void check(Schema schema, ImportedEntity e, Map<String, Value> properties) {
        long line = e.line();
        EntityType type;
        try {
            type = schema.entityType(e.type());
        } catch (ManifoldException ex) {
            throw RowException.of(line, "type", ex);
        }
        for (Map.Entry<String, Value> p : properties.entrySet()) {
            try {
                WriteValidator.property(type, schema.property(type, p.getKey()), p.getValue());
            } catch (ManifoldException ex) {
                throw RowException.of(line, "properties." + p.getKey(), ex);
            }
        }
        for (Map.Entry<String, VectorData> v : e.vectors().entrySet()) {
            try {
                v.getValue().check(schema.vectorField(v.getKey()));
            } catch (ManifoldException ex) {
                throw RowException.of(line, "vectors." + v.getKey(), ex);
            }
        }
        List<ImportedEdge> edges = e.edges();
        for (int i = 0; i < edges.size(); i++) {
            ImportedEdge edge = edges.get(i);
            try {
                WriteValidator.finite("weight", edge.weight());
                schema.edgeType(edge.type());
            } catch (ManifoldException ex) {
                throw RowException.of(line, "edges[" + i + "]", ex);
            }
        }
        for (Map.Entry<String, List<MeasurePoint>> m : e.measures().entrySet()) {
            try {
                schema.measure(m.getKey());
                for (MeasurePoint p : m.getValue()) {
                    WriteValidator.finite(m.getKey(), p.value());
                }
            } catch (ManifoldException ex) {
                throw RowException.of(line, "measures." + m.getKey(), ex);
            }
        }
        for (Map.Entry<PositionKind, double[]> x : e.positions().entrySet()) {
            try {
                WriteValidator.position(x.getKey(), schema.positionSpace(x.getKey()).orElse(null), x.getValue());
            } catch (ManifoldException ex) {
                throw RowException.of(line, JsonlExport.positionMember(x.getKey()), ex);
            }
        }
    }
}
