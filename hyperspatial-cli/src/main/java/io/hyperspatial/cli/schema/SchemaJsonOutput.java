package io.hyperspatial.cli.schema;

import io.hyperspatial.cli.output.JsonWriter;

/**
 * {@code schema --format json}: a {@link CollectionSchema} as one JSON document, for programs.
 * Names are the schema's own lower-case spellings; a measure's {@code retentionSeconds} of 0 means
 * kept forever; SQL column types are as declared.
 */
public final class SchemaJsonOutput {
    private SchemaJsonOutput() {
    }

    /** {@code {"collection", "revision", "entityTypes", "vectorFields", "edgeTypes", "measures", "positionSpaces", "indexes", "tables"}} */
    public static String of(CollectionSchema s) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("collection").value(s.collection());
        json.name("revision").value(s.revision());
        json.name("entityTypes").beginArray();
        for (CollectionSchema.EntityType t : s.entityTypes()) {
            json.beginObject().name("name").value(t.name()).name("properties").beginArray();
            t.properties().forEach(p -> json.beginObject().name("name").value(p.name()).name("type").value(p.type()).endObject());
            json.endArray().endObject();
        }
        json.endArray().name("vectorFields").beginArray();
        s.vectorFields().forEach(f -> {
            json.beginObject().name("name").value(f.name()).name("kind").value(f.kind())
                    .name("dimension").value(f.dimension()).name("metric").value(f.metric())
                    .name("curvature").value(f.curvature());
            if (f.index() != null) {
                index(json, f.index());
            }
            json.endObject();
        });
        json.endArray().name("edgeTypes").beginArray();
        s.edgeTypes().forEach(json::value);
        json.endArray().name("measures").beginArray();
        s.measures().forEach(m -> json.beginObject().name("name").value(m.name())
                .name("retentionSeconds").value(m.retentionSeconds()).endObject());
        json.endArray().name("positionSpaces").beginArray();
        for (CollectionSchema.PositionSpace p : s.positionSpaces()) {
            json.beginObject().name("kind").value(p.kind()).name("dimension").value(p.dimension())
                    .name("curvature").value(p.curvature()).name("edgeTypes").beginArray();
            p.edgeTypes().forEach(json::value);
            json.endArray().endObject();
        }
        json.endArray().name("indexes").beginArray();
        s.indexes().forEach(i -> json.beginObject().name("name").value(i.name()).name("entityType").value(i.entityType())
                .name("property").value(i.property()).endObject());
        json.endArray().name("tables").beginArray();
        for (CollectionSchema.Table t : s.tables()) {
            json.beginObject().name("name").value(t.name()).name("columns").beginArray();
            t.columns().forEach(c -> json.beginObject().name("name").value(c.name()).name("type").value(c.type()).endObject());
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    /** {@code "index": {"m", "efConstruction", "efSearch", "quantization"}} of a dense field. */
    public static void index(JsonWriter json, CollectionSchema.VectorIndex index) {
        json.name("index").beginObject().name("m").value(index.m()).name("efConstruction").value(index.efConstruction())
                .name("efSearch").value(index.efSearch()).name("quantization").value(index.quantization()).endObject();
    }
}
