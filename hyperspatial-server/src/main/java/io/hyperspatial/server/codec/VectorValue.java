package io.hyperspatial.server.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.table.SparseVector;
import io.hyperspatial.server.http.JsonInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A vector of a request, in the JSON form of its field's kind: dense {@code [x, y, ...]},
 * sparse {@code {"indices": [...], "values": [...]}}, multi {@code [[...], [...]]}. Dimensions,
 * finiteness and the metric's domain are checked by storage when it is set.
 */
public sealed interface VectorValue {
    /** Sets this vector as the entity's value of {@code field}. */
    void set(Transaction tx, UUID entity, String field);

    record Dense(float[] vector) implements VectorValue {
        @Override
        public void set(Transaction tx, UUID entity, String field) {
            tx.setVector(entity, field, vector);
        }
    }

    record Sparse(int[] indices, float[] values) implements VectorValue {
        @Override
        public void set(Transaction tx, UUID entity, String field) {
            tx.setSparseVector(entity, field, indices, values);
        }
    }

    record Multi(List<float[]> vectors) implements VectorValue {
        @Override
        public void set(Transaction tx, UUID entity, String field) {
            tx.setMultiVector(entity, field, vectors);
        }
    }

    /** Reads {@code in} as a vector of {@code field}'s kind. */
    static VectorValue read(JsonInput in, VectorField field) {
        return switch (field.kind()) {
            case DENSE -> new Dense(in.floats());
            case SPARSE -> new Sparse(in.required("indices").ints(), in.required("values").floats());
            case MULTI -> {
                List<float[]> vectors = new ArrayList<>();
                in.elements().forEach(e -> vectors.add(e.floats()));
                yield new Multi(vectors);
            }
        };
    }

    /** The entity's stored vector of {@code field} as JSON, if it has one. */
    static Optional<JsonNode> stored(ReadView view, UUID entity, VectorField field) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (field.kind()) {
            case DENSE -> view.vectors().dense(entity, field.name()).map(v -> floats(nodes, v));
            case SPARSE -> view.vectors().sparse(entity, field.name()).map(s -> sparse(nodes, s));
            case MULTI -> view.vectors().multi(entity, field.name()).map(list -> {
                ArrayNode a = nodes.arrayNode();
                list.forEach(v -> a.add(floats(nodes, v)));
                return a;
            });
        };
    }

    private static ArrayNode floats(JsonNodeFactory nodes, float[] v) {
        ArrayNode a = nodes.arrayNode(v.length);
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    private static ObjectNode sparse(JsonNodeFactory nodes, SparseVector s) {
        ObjectNode o = nodes.objectNode();
        ArrayNode indices = o.putArray("indices");
        for (int i : s.indices()) {
            indices.add(i);
        }
        o.set("values", floats(nodes, s.values()));
        return o;
    }
}
