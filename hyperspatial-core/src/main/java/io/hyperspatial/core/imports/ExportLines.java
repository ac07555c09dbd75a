package io.hyperspatial.core.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;
import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.core.imports.ImportedEntity.ImportedEdge;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads JSON Lines in the export format of {@link JsonlExport}: an optional header line (format,
 * version, schema), handed to {@code onSchema} to declare before the entities, then one entity per
 * line. Property values are typed by the schema in force ({@code schema}, read per line, so a
 * header's declarations apply to the lines after it). An entity with a {@code key} is addressed by
 * it and its {@code id} is ignored (ids belong to a collection); one without is addressed by its
 * {@code id}. Blank lines are skipped. Each line is parsed on its own, so a malformed line is one
 * bad row. Not thread-safe.
 */
final class ExportLines implements EntitySource {
    /** Numbers through Jackson's fast parser (correctly rounded, as the JDK's, at a fraction of its cost). */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private final InputLines in;
    private final Supplier<Schema> schema;
    private final Consumer<Object> onSchema;
    private long line;
    /** The properties of the last entity read that were converted raw and are still to be checked. */
    private Map<String, Value> unchecked = Map.of();

    ExportLines(Reader in, Supplier<Schema> schema, Consumer<Object> onSchema) {
        this.in = new InputLines(in);
        this.schema = schema;
        this.onSchema = onSchema;
    }

    @Override
    public ImportedEntity next() throws IOException {
        while (true) {
            if (!in.next()) {
                return null;
            }
            line++;
            if (in.isBlank()) {
                continue;
            }
            try (JsonParser p = JSON.createParser(in.chars(), in.start(), in.length())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw RowException.invalid(line, null, "expected a JSON object");
                }
                ImportedEntity e = entity(p);
                if (p.nextToken() != null) {
                    throw RowException.invalid(line, null, "more than one JSON value on the line");
                }
                if (e != null) {
                    EntityCheck.check(schema.get(), e, unchecked);
                    return e;
                }
            } catch (JsonProcessingException e) {
                throw RowException.invalid(line, null, "malformed JSON: " + e.getOriginalMessage());
            }
        }
    }

    /** The entity of the line, or null for a header line (handled here). */
    private ImportedEntity entity(JsonParser p) throws IOException {
        String key = null;
        String id = null;
        String type = null;
        Map<String, Object> rawProperties = Map.of();
        Map<String, VectorData> vectors = Map.of();
        List<ImportedEdge> edges = List.of();
        Map<String, List<MeasurePoint>> measures = Map.of();
        Map<PositionKind, double[]> positions = Map.of();
        Object format = null;
        Object version = null;
        Object schemaJson = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            p.nextToken();
            switch (member) {
                case "key" -> key = text(p, member);
                case "id" -> id = text(p, member);
                case "type" -> {
                    // the properties are typed by the type read before them: a second type could contradict it
                    if (type != null) {
                        throw RowException.invalid(line, "type", "the type is given twice");
                    }
                    type = text(p, member);
                }
                case "properties" -> rawProperties = ExportProperties.read(p, knownType(type));
                case "vectors" -> vectors = vectors(p);
                case "edges" -> edges = edges(p);
                case "measures" -> measures = measures(p);
                case "format" -> format = JsonTree.read(p);
                case "version" -> version = JsonTree.read(p);
                case "schema" -> schemaJson = JsonTree.read(p);
                default -> {
                    PositionKind kind = positionKind(member);
                    if (positions.isEmpty()) {
                        positions = new EnumMap<>(PositionKind.class);
                    }
                    positions.put(kind, doubles(p, member));
                }
            }
        }
        if (format != null) {
            header(format, version, schemaJson);
            return null;
        }
        if (type == null) {
            throw RowException.invalid(line, "type", "an entity needs a type");
        }
        UUID uuid = null;
        if (key == null) {
            if (id == null) {
                throw RowException.invalid(line, "key", "an entity needs a key (or, for one created without a key, an id)");
            }
            uuid = uuid(id, "id");
        }
        return new ImportedEntity(line, key, uuid, type, properties(type, rawProperties), vectors, edges, measures, positions);
    }

    private void header(Object format, Object version, Object schemaJson) {
        if (!JsonlExport.FORMAT.equals(format) || !(version instanceof Long v) || v != JsonlExport.VERSION) {
            throw new ImportInputException(line, "the header names format " + format + " version " + version
                    + "; this import reads " + JsonlExport.FORMAT + " version " + JsonlExport.VERSION, null);
        }
        if (schemaJson != null) {
            try {
                onSchema.accept(schemaJson);
            } catch (IllegalArgumentException e) {
                throw new ImportInputException(line, "bad schema in the header: " + e.getMessage(), e);
            } catch (ManifoldException e) {
                throw new ImportInputException(line, "the header's schema cannot be declared: " + e.getMessage()
                        + " [" + e.code().code() + "]", e);
            }
        }
    }

    /** The entity type of that name if the schema in force declares it, else null. */
    private EntityType knownType(String typeName) {
        return typeName == null ? null : schema.get().entityTypes().get(typeName);
    }

    /**
     * The properties of {@link ExportProperties#read}, the raw ones converted (and noted in
     * {@link #unchecked}, for {@link EntityCheck}).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Value> properties(String typeName, Map<String, Object> members) {
        unchecked = Map.of();
        if (ExportProperties.allTyped(members)) {
            return (Map<String, Value>) (Map<String, ?>) members;
        }
        Schema s = schema.get();
        EntityType type;
        try {
            type = s.entityType(typeName);
        } catch (ManifoldException e) {
            throw RowException.of(line, "type", e);
        }
        Map<String, Value> values = new LinkedHashMap<>();
        unchecked = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : members.entrySet()) {
            if (e.getValue() instanceof Value typed) {
                values.put(e.getKey(), typed);
                continue;
            }
            String field = "properties." + e.getKey();
            try {
                Value v = ImportValues.value(e.getValue(), s.property(type, e.getKey()).type());
                values.put(e.getKey(), v == null ? Value.NULL : v);
                unchecked.put(e.getKey(), v == null ? Value.NULL : v);
            } catch (ManifoldException ex) {
                throw RowException.of(line, field, ex);
            } catch (IllegalArgumentException ex) {
                throw RowException.invalid(line, field, ex.getMessage());
            }
        }
        return values;
    }

    private Map<String, VectorData> vectors(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "vectors");
        Map<String, VectorData> vectors = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String field = "vectors." + name;
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                int[] indices = null;
                float[] values = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    p.nextToken();
                    switch (member) {
                        case "indices" -> indices = ints(p, field + ".indices");
                        case "values" -> values = floats(p, field + ".values");
                        default -> throw RowException.invalid(line, field, "a sparse vector has indices and values, not " + member);
                    }
                }
                if (indices == null || values == null) {
                    throw RowException.invalid(line, field, "a sparse vector needs indices and values");
                }
                vectors.put(name, new VectorData.Sparse(indices, values));
            } else {
                expect(p, JsonToken.START_ARRAY, field);
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    List<float[]> multi = new ArrayList<>();
                    do {
                        multi.add(floatsFrom(p, field));
                    } while (p.nextToken() == JsonToken.START_ARRAY);
                    expect(p, JsonToken.END_ARRAY, field);
                    vectors.put(name, new VectorData.Multi(multi));
                } else {
                    vectors.put(name, new VectorData.Dense(floatsRest(p, field, new FloatList())));
                }
            }
        }
        return vectors;
    }

    private List<ImportedEdge> edges(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY, "edges");
        List<ImportedEdge> edges = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String field = "edges[" + edges.size() + "]";
            String type = null;
            String to = null;
            String toId = null;
            float weight = 1f;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                p.nextToken();
                switch (member) {
                    case "type" -> type = text(p, field + ".type");
                    case "to" -> to = text(p, field + ".to");
                    case "to_id" -> toId = text(p, field + ".to_id");
                    case "weight" -> weight = floatNumber(p, field + ".weight");
                    default -> throw RowException.invalid(line, field, "an edge has type, to (or to_id) and weight, not " + member);
                }
            }
            if (type == null || (to == null) == (toId == null)) {
                throw RowException.invalid(line, field, "an edge needs a type and one of to (a key) or to_id");
            }
            edges.add(new ImportedEdge(type, to, toId == null ? null : uuid(toId, field + ".to_id"), weight));
        }
        expect(p, JsonToken.END_ARRAY, "edges");
        return edges;
    }

    private Map<String, List<MeasurePoint>> measures(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT, "measures");
        Map<String, List<MeasurePoint>> measures = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String field = "measures." + name;
            p.nextToken();
            expect(p, JsonToken.START_ARRAY, field);
            List<MeasurePoint> points = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    throw RowException.invalid(line, field, "a point is [timeMillis, value] with an integer time");
                }
                long time = p.getLongValue();
                p.nextToken();
                double value = doubleNumber(p, field);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw RowException.invalid(line, field, "a point is [timeMillis, value]");
                }
                points.add(new MeasurePoint(time, value));
            }
            expect(p, JsonToken.END_ARRAY, field);
            measures.put(name, points);
        }
        return measures;
    }

    private PositionKind positionKind(String member) {
        for (PositionKind k : PositionKind.values()) {
            if (member.equals(JsonlExport.positionMember(k))) {
                return k;
            }
        }
        throw RowException.invalid(line, member, "unknown member '" + member + "' (an entity line has key, id, type,"
                + " properties, vectors, edges, measures and graph_position, embedding_position, property_position)");
    }

    private double[] doubles(JsonParser p, String field) throws IOException {
        expect(p, JsonToken.START_ARRAY, field);
        double[] v = new double[8];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == v.length) {
                v = java.util.Arrays.copyOf(v, n * 2);
            }
            v[n++] = doubleNumber(p, field + "[" + n + "]");
        }
        return java.util.Arrays.copyOf(v, n);
    }

    private int[] ints(JsonParser p, String field) throws IOException {
        expect(p, JsonToken.START_ARRAY, field);
        List<Integer> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw RowException.invalid(line, field, "indices must be integers");
            }
            list.add(p.getIntValue());
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private float[] floats(JsonParser p, String field) throws IOException {
        expect(p, JsonToken.START_ARRAY, field);
        return floatsFrom(p, field);
    }

    /** The array whose START_ARRAY is the current token. */
    private float[] floatsFrom(JsonParser p, String field) throws IOException {
        p.nextToken();
        return floatsRest(p, field, new FloatList());
    }

    /** The numbers from the current token to the END_ARRAY. Floats are parsed from their text, exactly as written. */
    private float[] floatsRest(JsonParser p, String field, FloatList out) throws IOException {
        while (p.currentToken() != JsonToken.END_ARRAY) {
            out.add(floatNumber(p, field + "[" + out.size() + "]"));
            p.nextToken();
        }
        return out.toArray();
    }

    /**
     * A number as a float, rounded once from its text as written (not through a double); also the
     * strings NaN and ±Infinity, which the schema's rules then refuse where values must be finite.
     */
    private float floatNumber(JsonParser p, String field) throws IOException {
        if (isNumber(p.currentToken())) {
            return NumberInput.parseFloat(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
        }
        return Float.parseFloat(nonFiniteText(p, field));
    }

    /** A number as a double, as {@link #floatNumber} reads a float. */
    private double doubleNumber(JsonParser p, String field) throws IOException {
        if (isNumber(p.currentToken())) {
            return NumberInput.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), true);
        }
        return Double.parseDouble(nonFiniteText(p, field));
    }

    private static boolean isNumber(JsonToken t) {
        return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    private String nonFiniteText(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING && p.getText().matches("-?Infinity|NaN")) {
            return p.getText();
        }
        throw RowException.invalid(line, field, "expected a number, got " + describe(t));
    }

    private String text(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
            throw RowException.invalid(line, field, "expected a non-empty string, got " + describe(p.currentToken()));
        }
        return p.getText();
    }

    private UUID uuid(String s, String field) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw RowException.invalid(line, field, "not a UUID: '" + s + "'");
        }
    }

    private void expect(JsonParser p, JsonToken token, String field) {
        if (p.currentToken() != token) {
            throw RowException.invalid(line, field, "expected " + describe(token) + ", got " + describe(p.currentToken()));
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "the end of the array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case null -> "the end of the line";
            default -> t.name();
        };
    }

    /** A growable float array, to read a vector without boxing. */
    private static final class FloatList {
        private float[] values = new float[16];
        private int size;

        void add(float f) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = f;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
