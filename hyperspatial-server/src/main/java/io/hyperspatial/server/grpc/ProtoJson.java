package io.hyperspatial.server.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.EdgeInput;
import io.hyperspatial.grpc.v1.EntityInput;
import io.hyperspatial.grpc.v1.PropertyValue;
import io.hyperspatial.grpc.v1.Schema;
import io.hyperspatial.grpc.v1.Vector;
import io.hyperspatial.grpc.v1.VectorIndexDef;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.JsonInput;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * gRPC request messages as the JSON trees the HTTP API reads, so that one set of readers
 * ({@link io.hyperspatial.server.codec.BatchReader}, {@link io.hyperspatial.server.codec.SchemaJson})
 * checks both protocols' input and names the same fields in its errors
 * ({@code entities[3].properties.age}). Values keep their JSON form: bytes become base64 text,
 * timestamps ISO-8601 text, int64 exact integers. Proto3 cannot tell an unset scalar from its
 * zero, so zero dimensions and empty names are passed on (and refused by the readers), while an
 * empty {@code kind} or zero {@code curvature} mean the default. Map members are taken in name
 * order. Stateless.
 */
final class ProtoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoJson() {
    }

    /** {@code {"entities": [...]}} of one upsert batch. */
    static JsonInput entities(List<EntityInput> entities) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("entities");
        for (int i = 0; i < entities.size(); i++) {
            EntityInput e = entities.get(i);
            String at = "entities[" + i + "]";
            ObjectNode o = list.addObject();
            o.put("key", e.getKey());
            o.put("type", e.getType());
            if (e.getPropertiesCount() > 0) {
                ObjectNode properties = o.putObject("properties");
                new TreeMap<>(e.getPropertiesMap()).forEach((name, v) ->
                        properties.set(name, value(v, at + ".properties." + name)));
            }
            if (e.getVectorsCount() > 0) {
                ObjectNode vectors = o.putObject("vectors");
                new TreeMap<>(e.getVectorsMap()).forEach((name, v) -> vectors.set(name, vector(v, at + ".vectors." + name)));
            }
            if (e.getEdgesCount() > 0) {
                ArrayNode edges = o.putArray("edges");
                for (EdgeInput edge : e.getEdgesList()) {
                    ObjectNode eo = edges.addObject();
                    eo.put("type", edge.getType());
                    eo.put("to", edge.getTo());
                    if (edge.hasWeight()) {
                        eo.put("weight", edge.getWeight());
                    }
                }
            }
        }
        return JsonInput.root(root);
    }

    /** The schema change of a create request, in {@link io.hyperspatial.server.codec.SchemaJson}'s form. */
    static JsonInput schema(Schema schema) {
        ObjectNode root = NODES.objectNode();
        ObjectNode types = root.putObject("entity_types");
        new TreeMap<>(schema.getEntityTypesMap()).forEach((name, t) -> {
            ObjectNode properties = types.putObject(name);
            new TreeMap<>(t.getPropertiesMap()).forEach(properties::put);
        });
        ObjectNode fields = root.putObject("vector_fields");
        new TreeMap<>(schema.getVectorFieldsMap()).forEach((name, f) -> {
            ObjectNode o = fields.putObject(name);
            o.put("dimension", f.getDimension());
            if (!f.getMetric().isEmpty()) {
                o.put("metric", f.getMetric());
            }
            if (!f.getKind().isEmpty()) {
                o.put("kind", f.getKind());
            }
            if (f.getCurvature() != 0) {
                o.put("curvature", f.getCurvature());
            }
            if (f.hasIndex()) {
                o.set("index", index(f.getIndex()));
            }
        });
        ArrayNode edges = root.putArray("edge_types");
        schema.getEdgeTypesList().forEach(edges::add);
        ObjectNode measures = root.putObject("measures");
        new TreeMap<>(schema.getMeasuresMap()).forEach((name, m) ->
                measures.putObject(name).put("retention_seconds", m.getRetentionSeconds()));
        return JsonInput.root(root);
    }

    /** The settings an index change sets, as the member {@code index} of its request (errors name {@code index.m}…). */
    static JsonInput indexChange(VectorIndexDef index) {
        ObjectNode root = NODES.objectNode();
        root.set("index", index(index));
        return JsonInput.root(root).get("index");
    }

    /** The set members of a field's index settings. */
    private static ObjectNode index(VectorIndexDef index) {
        ObjectNode o = NODES.objectNode();
        if (index.hasM()) {
            o.put("m", index.getM());
        }
        if (index.hasEfConstruction()) {
            o.put("ef_construction", index.getEfConstruction());
        }
        if (index.hasEfSearch()) {
            o.put("ef_search", index.getEfSearch());
        }
        if (index.hasQuantization()) {
            o.put("quantization", index.getQuantization());
        }
        return o;
    }

    /** A property value in its JSON form; {@code at} names it in the error for an empty value. */
    static JsonNode value(PropertyValue v, String at) {
        return switch (v.getKindCase()) {
            case NULL_VALUE -> NODES.nullNode();
            case BOOL_VALUE -> NODES.booleanNode(v.getBoolValue());
            case INT_VALUE -> NODES.numberNode(v.getIntValue());
            case FLOAT_VALUE -> NODES.numberNode(v.getFloatValue());
            case STRING_VALUE -> NODES.textNode(v.getStringValue());
            case BYTES_VALUE -> NODES.textNode(Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
            case TIMESTAMP_VALUE -> NODES.textNode(instant(v.getTimestampValue()).toString());
            case LIST_VALUE -> {
                ArrayNode a = NODES.arrayNode();
                List<PropertyValue> values = v.getListValue().getValuesList();
                for (int i = 0; i < values.size(); i++) {
                    a.add(value(values.get(i), at + "[" + i + "]"));
                }
                yield a;
            }
            case MAP_VALUE -> {
                ObjectNode o = NODES.objectNode();
                new TreeMap<>(v.getMapValue().getEntriesMap()).forEach((k, e) -> o.set(k, value(e, at + "." + k)));
                yield o;
            }
            case KIND_NOT_SET -> throw ApiException.invalid(at, "'" + at + "' has no value; set one of its kinds");
        };
    }

    private static JsonNode vector(Vector v, String at) {
        return switch (v.getKindCase()) {
            case DENSE -> floats(v.getDense().getValuesList());
            case SPARSE -> {
                ObjectNode o = NODES.objectNode();
                ArrayNode indices = o.putArray("indices");
                v.getSparse().getIndicesList().forEach(i -> indices.add(Integer.toUnsignedLong(i)));
                o.set("values", floats(v.getSparse().getValuesList()));
                yield o;
            }
            case MULTI -> {
                ArrayNode a = NODES.arrayNode();
                for (DenseVector d : v.getMulti().getVectorsList()) {
                    a.add(floats(d.getValuesList()));
                }
                yield a;
            }
            case KIND_NOT_SET -> throw ApiException.invalid(at, "'" + at + "' has no value; set dense, sparse or multi");
        };
    }

    private static ArrayNode floats(List<Float> values) {
        ArrayNode a = NODES.arrayNode(values.size());
        values.forEach(a::add);
        return a;
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
