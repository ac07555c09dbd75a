package io.hyperspatial.cli;

import io.hyperspatial.cli.output.JsonWriter;
import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.cli.schema.SchemaJsonOutput;
import io.hyperspatial.manifold.CollectionStats;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code describe --format json}, for programs. Names and types are the schema's own lower-case
 * spellings; sizes are bytes; a measure's {@code retentionSeconds} of 0 means kept forever.
 */
final class DescriptionJson {
    private DescriptionJson() {
    }

    /** {@code {"database": ..., "collections": [{name, entities, diskBytes, lastSequence, schemaRevision}]}} */
    static String list(Path database, List<CollectionDescription> collections) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("database").value(database.toString());
        json.name("collections").beginArray();
        for (CollectionDescription c : collections) {
            json.beginObject();
            json.name("name").value(c.name());
            json.name("entities").value(c.entities());
            json.name("diskBytes").value(c.stats().diskBytes());
            json.name("lastSequence").value(c.stats().lastSequence());
            json.name("schemaRevision").value(c.stats().schemaRevision());
            json.endObject();
        }
        return json.endArray().endObject().toString();
    }

    /** {@code {"database": ..., "collection": {name, entities, entityTypes, vectorFields, edgeTypes, measures, stats}}} */
    static String collection(Path database, CollectionDescription c) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("database").value(database.toString());
        json.name("collection").beginObject();
        json.name("name").value(c.name());
        json.name("entities").value(c.entities());
        json.name("entityTypes").beginArray();
        for (EntityType type : c.entityTypes()) {
            json.beginObject().name("name").value(type.name());
            json.name("entities").value(c.entitiesByType().getOrDefault(type.name(), 0L));
            json.name("properties").beginArray();
            for (PropertyDef p : CollectionDescription.properties(type)) {
                json.beginObject().name("name").value(p.name()).name("type").value(p.type().displayName()).endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.name("vectorFields").beginArray();
        for (VectorField f : c.vectorFields()) {
            json.beginObject().name("name").value(f.name())
                    .name("kind").value(f.kind().name().toLowerCase(Locale.ROOT))
                    .name("dimension").value(f.dimension())
                    .name("metric").value(f.metric().displayName())
                    .name("curvature").value(f.curvature());
            if (f.kind() == VectorKind.DENSE) {
                SchemaJsonOutput.index(json, CollectionSchema.VectorIndex.of(f.index()));
            }
            json.endObject();
        }
        json.endArray();
        json.name("edgeTypes").beginArray();
        for (EdgeType e : c.edgeTypes()) {
            json.value(e.name());
        }
        json.endArray();
        json.name("measures").beginArray();
        for (MeasureDef m : c.measures()) {
            json.beginObject().name("name").value(m.name())
                    .name("retentionSeconds").value(m.retention().toSeconds()).endObject();
        }
        json.endArray();
        CollectionStats s = c.stats();
        json.name("stats").beginObject()
                .name("diskBytes").value(s.diskBytes())
                .name("lastSequence").value(s.lastSequence())
                .name("oldestResumable").value(s.oldestResumable())
                .name("schemaRevision").value(s.schemaRevision())
                .endObject();
        return json.endObject().endObject().toString();
    }
}
