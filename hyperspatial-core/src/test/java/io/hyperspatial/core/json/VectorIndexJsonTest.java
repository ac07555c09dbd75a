package io.hyperspatial.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.hyperspatial.core.imports.ImportMapping;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaEditor;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.schema.VectorQuantization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Index settings in the schema JSON of exports and imports, and in import mappings. */
class VectorIndexJsonTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final VectorIndexSettings TUNED = new VectorIndexSettings(24, 300, 90, VectorQuantization.BINARY);

    private static Object parse(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            return JsonTree.read(p);
        }
    }

    private static Schema apply(Consumer<SchemaEditor> change) {
        SchemaEditor editor = Schema.EMPTY.edit();
        change.accept(editor);
        return editor.build();
    }

    @Test
    void anExportedSchemaDeclaresTheSameSettingsWhenImported() throws IOException {
        Schema exported = Schema.EMPTY.edit()
                .vectorField("emb", VectorKind.DENSE, 4, VectorMetric.COSINE, 1.0, TUNED)
                .vectorField("plain", VectorKind.DENSE, 2, VectorMetric.L2)
                .vectorField("bag", VectorKind.SPARSE, 50, VectorMetric.DOT)
                .build();
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            SchemaJson.write(g, exported);
        }
        assertThat(text.toString()).contains("\"index\":{\"m\":24,\"ef_construction\":300,\"ef_search\":90,\"quantization\":\"binary\"}");

        Schema imported = apply(SchemaJson.change(parse(text.toString())));

        assertThat(imported.vectorField("emb").index()).isEqualTo(TUNED);
        assertThat(imported.vectorField("plain").index()).isEqualTo(VectorIndexSettings.DEFAULT);
        assertThat(imported.vectorField("bag").index()).isEqualTo(VectorIndexSettings.DEFAULT);
    }

    @Test
    void aMappingDeclaresItsVectorFieldsIndexSettings() throws IOException {
        ImportMapping mapping = ImportMapping.fromJson(parse("""
                {"key": "id", "type": "Doc", "vectors": {"emb": {"column": "e", "dimension": 3, "metric": "cosine",
                 "index": {"m": 8, "quantization": "int8"}}}}"""));

        Schema s = apply(mapping.schemaChange());

        assertThat(s.vectorField("emb").index()).isEqualTo(VectorIndexSettings.DEFAULT.withM(8)
                .withQuantization(VectorQuantization.INT8));
    }

    @Test
    void badSettingsNameTheMember() {
        assertThatThrownBy(() -> ImportMapping.fromJson(parse("""
                {"key": "id", "type": "Doc", "vectors": {"emb": {"dimension": 3, "metric": "l2", "index": {"m": 1000}}}}""")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vectors.emb.index.m")
                .hasMessageContaining("2..512");
        assertThatThrownBy(() -> VectorIndexJson.read(parse("{\"efs\": 3}"), "index"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index.efs");
    }
}
