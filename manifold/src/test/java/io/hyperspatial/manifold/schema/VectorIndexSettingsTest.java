package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Index settings of vector fields: validation, how the editor changes them, and the catalog that stores them. */
class VectorIndexSettingsTest {
    private static final VectorIndexSettings TUNED = new VectorIndexSettings(32, 400, 100, VectorQuantization.INT8);

    @TempDir Path dir;

    @Test
    void outOfRangeValuesAreRejectedNamingSettingAndValue() {
        assertInvalid(() -> new VectorIndexSettings(1, 200, 64, VectorQuantization.NONE), "m", "got 1");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.withM(513), "m", "got 513");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.withEfConstruction(0), "ef_construction", "got 0");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.withEfSearch(-5), "ef_search", "got -5");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.with("quantization", "int4"), "quantization", "int4");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.with("m", 2.5), "m", "2.5");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.with("m", "16"), "m", "16");
        assertInvalid(() -> VectorIndexSettings.DEFAULT.with("quantization", 8), "quantization", "8");
        assertThatThrownBy(() -> VectorIndexSettings.DEFAULT.with("ef", 10))
                .isInstanceOfSatisfying(ManifoldException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.field()).contains("ef");
                    assertThat(e.getMessage()).contains("ef_search");
                });
    }

    @Test
    void settingsSetByKeyMatchTheirMap() {
        VectorIndexSettings s = VectorIndexSettings.DEFAULT;
        for (Map.Entry<String, Object> e : TUNED.asMap().entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        assertThat(s).isEqualTo(TUNED);
        assertThat(TUNED.asMap().keySet()).containsExactlyElementsOf(VectorIndexSettings.KEYS);
        assertThat(TUNED.sameGraph(TUNED.withEfSearch(7))).isTrue();
        assertThat(TUNED.sameGraph(TUNED.withM(8))).isFalse();
        assertThat(TUNED.sameGraph(TUNED.withQuantization(VectorQuantization.BINARY))).isFalse();
    }

    @Test
    void aNewFieldHasTheDefaultsAndARedeclarationKeepsItsSettings() {
        Schema s = Schema.EMPTY.edit().vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE).build();
        assertThat(s.vectorField("emb").index()).isEqualTo(VectorIndexSettings.DEFAULT);

        Schema tuned = s.edit().vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE, 1.0, TUNED).build();
        assertThat(tuned.vectorField("emb").index()).isEqualTo(TUNED);
        assertThat(tuned.revision()).isEqualTo(s.revision() + 1);

        Schema redeclared = tuned.edit().vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE).build();
        assertThat(redeclared).as("declaring the field again without settings changes nothing").isSameAs(tuned);

        Schema efOnly = tuned.edit().vectorIndex("emb", i -> i.withEfSearch(300)).build();
        assertThat(efOnly.vectorField("emb").index()).isEqualTo(TUNED.withEfSearch(300));
        assertThat(efOnly.vectorField("emb").id()).isEqualTo(s.vectorField("emb").id());
    }

    @Test
    void onlyDenseFieldsTakeSettingsAndOnlyDeclaredOnes() {
        Schema s = Schema.EMPTY.edit().vectorField("bag", VectorKind.SPARSE, 100, VectorMetric.DOT).build();
        assertThatThrownBy(() -> s.edit().vectorIndex("bag", i -> TUNED))
                .isInstanceOfSatisfying(ManifoldException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("'bag'").contains("sparse");
                });
        assertThatThrownBy(() -> s.edit().vectorIndex("nope", i -> TUNED))
                .isInstanceOfSatisfying(ManifoldException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD));
    }

    @Test
    void randomSettingsRoundTripThroughTheCatalog() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            VectorIndexSettings settings = new VectorIndexSettings(2 + random.nextInt(511), 1 + random.nextInt(2000),
                    1 + random.nextInt(2000), VectorQuantization.values()[random.nextInt(3)]);
            Schema s = Schema.EMPTY.edit()
                    .vectorField("a", VectorKind.DENSE, 8, VectorMetric.L2, 1.0, settings)
                    .vectorField("b", VectorKind.DENSE, 4, VectorMetric.POINCARE, 2.0)
                    .build();
            Schema decoded = SchemaCodec.decode(SchemaCodec.encode(s));
            assertThat(decoded).isEqualTo(s);
            assertThat(decoded.vectorField("a").index()).isEqualTo(settings);
            assertThat(decoded.vectorField("b").index()).isEqualTo(VectorIndexSettings.DEFAULT);
        }
    }

    @Test
    void aVersionOneCatalogReadsWithTheDefaults() {
        // the layout catalog version 1 wrote: no catalog_version, no index settings
        Value v1 = Value.map(Map.of(
                "revision", Value.of(1), "next_id", Value.of(2),
                "entity_types", Value.list(List.of()), "edge_types", Value.list(List.of()),
                "measures", Value.list(List.of()),
                "vector_fields", Value.list(List.of(Value.map(Map.of("name", Value.of("v"), "id", Value.of(1),
                        "kind", Value.of("DENSE"), "dimension", Value.of(3), "metric", Value.of("L2")))))));

        Schema s = SchemaCodec.decode(ValueCodec.encode(v1));

        assertThat(s.vectorField("v").index()).isEqualTo(VectorIndexSettings.DEFAULT);
    }

    @Test
    void aNewerCatalogIsRefusedAndBadSettingsAreCorruption() {
        Value future = Value.map(Map.of("catalog_version", Value.of(SchemaCodec.VERSION + 1), "revision", Value.of(1)));
        assertThatThrownBy(() -> SchemaCodec.decode(ValueCodec.encode(future)))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_FORMAT);
                    assertThat(e.getMessage()).contains("version " + (SchemaCodec.VERSION + 1));
                });
        Value badIndex = Value.map(Map.of(
                "catalog_version", Value.of(2), "revision", Value.of(1), "next_id", Value.of(2),
                "entity_types", Value.list(List.of()), "edge_types", Value.list(List.of()),
                "measures", Value.list(List.of()),
                "vector_fields", Value.list(List.of(Value.map(Map.of("name", Value.of("v"), "id", Value.of(1),
                        "kind", Value.of("DENSE"), "dimension", Value.of(3), "metric", Value.of("L2"),
                        "index", Value.map(Map.of("m", Value.of(1), "ef_construction", Value.of(10),
                                "ef_search", Value.of(10), "quantization", Value.of("none")))))))));
        assertThatThrownBy(() -> SchemaCodec.decode(ValueCodec.encode(badIndex)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION));
    }

    @Test
    void settingsSurviveAReopen() {
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            Collection c = db.createCollection("c");
            c.updateSchema(e -> e.vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE, 1.0, TUNED));
            c.updateSchema(e -> e.vectorIndex("emb", i -> i.withEfSearch(128)));
        }
        try (Database db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            assertThat(db.collection("c").schema().vectorField("emb").index()).isEqualTo(TUNED.withEfSearch(128));
        }
    }

    private static void assertInvalid(ThrowingCallable call, String setting, String value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ManifoldException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.field()).contains(setting);
            assertThat(e.getMessage()).contains(setting).contains(value);
        });
    }
}
