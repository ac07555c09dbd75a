package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaCodecTest {

    private static Schema rich() {
        Map<String, ValueType> everyType = Map.of("b", ValueType.BOOL, "i", ValueType.INT64, "f", ValueType.FLOAT64,
                "s", ValueType.STRING, "y", ValueType.BYTES, "t", ValueType.TIMESTAMP, "l", ValueType.LIST,
                "m", ValueType.MAP);
        Schema first = Schema.EMPTY.edit()
                .entityType("Everything", everyType)
                .entityType("Empty", Map.of())
                .vectorField("dense", VectorKind.DENSE, 768, VectorMetric.COSINE)
                .vectorField("sparse", VectorKind.SPARSE, 30_000, VectorMetric.DOT)
                .vectorField("multi", VectorKind.MULTI, 128, VectorMetric.L2)
                .vectorField("ball", VectorKind.DENSE, 16, VectorMetric.POINCARE)
                .vectorField("hyper", VectorKind.DENSE, 17, VectorMetric.LORENTZ)
                .edgeType("knows")
                .edgeType("part_of")
                .measure("forever", Duration.ZERO)
                .measure("week", Duration.ofDays(7))
                .build();
        return first.edit().entityType("Empty", Map.of("late", ValueType.STRING)).build();
    }

    @Test
    void roundTripsARichSchema() {
        Schema s = rich();

        Schema decoded = SchemaCodec.decode(SchemaCodec.encode(s));

        assertThat(decoded).isEqualTo(s);
        assertThat(decoded.revision()).isEqualTo(2);
        assertThat(decoded.entityTypes()).isEqualTo(s.entityTypes());
        assertThat(decoded.vectorFields()).isEqualTo(s.vectorFields());
        assertThat(decoded.edgeTypes()).isEqualTo(s.edgeTypes());
        assertThat(decoded.measures()).isEqualTo(s.measures());
    }

    @Test
    void aDecodedSchemaKeepsAllocatingFreshIds() {
        Schema s = rich();
        Schema decoded = SchemaCodec.decode(SchemaCodec.encode(s));

        Schema fromDecoded = decoded.edit().edgeType("new_edge").build();
        Schema fromOriginal = s.edit().edgeType("new_edge").build();

        assertThat(fromDecoded.edgeType("new_edge").id()).isEqualTo(fromOriginal.edgeType("new_edge").id());
        assertThat(fromDecoded).isEqualTo(fromOriginal);
    }

    @Test
    void aDecodedSchemaResolvesOnDiskIds() {
        Schema s = rich();
        Schema decoded = SchemaCodec.decode(SchemaCodec.encode(s));

        int propertyId = s.property(s.entityType("Everything"), "t").id();
        assertThat(decoded.propertyNameById(propertyId)).contains("t");
        assertThat(decoded.entityTypeById(s.entityType("Empty").id()).map(EntityType::name)).contains("Empty");
        assertThat(decoded.edgeTypeById(s.edgeType("part_of").id()).map(EdgeType::name)).contains("part_of");
        assertThat(decoded.measureById(s.measure("week").id()).map(MeasureDef::retention)).contains(Duration.ofDays(7));
    }

    @Test
    void roundTripsTheEmptySchema() {
        assertThat(SchemaCodec.decode(SchemaCodec.encode(Schema.EMPTY))).isEqualTo(Schema.EMPTY);
    }

    @Test
    void truncatedCatalogIsCorruption() {
        byte[] encoded = SchemaCodec.encode(rich());
        for (int n = 0; n < encoded.length; n += 7) {
            byte[] truncated = Arrays.copyOf(encoded, n);
            assertCorrupt(truncated);
        }
    }

    @Test
    void aValueThatIsNotACatalogIsCorruption() {
        assertCorrupt(ValueCodec.encode(Value.of(42)));
        assertCorrupt(ValueCodec.encode(Value.map(Map.of("revision", Value.of(1)))));
        assertCorrupt(ValueCodec.encode(Value.map(Map.of("revision", Value.of("one")))));
    }

    @Test
    void anUnknownVectorKindOrTypeIsCorruption() {
        Value badKind = Value.map(Map.of(
                "revision", Value.of(1), "next_id", Value.of(2),
                "entity_types", Value.list(List.of()), "edge_types", Value.list(List.of()),
                "measures", Value.list(List.of()),
                "vector_fields", Value.list(List.of(Value.map(Map.of("name", Value.of("v"), "id", Value.of(1),
                        "kind", Value.of("HEXAGONAL"), "dimension", Value.of(3), "metric", Value.of("L2")))))));
        Value badType = Value.map(Map.of(
                "revision", Value.of(1), "next_id", Value.of(3),
                "vector_fields", Value.list(List.of()), "edge_types", Value.list(List.of()),
                "measures", Value.list(List.of()),
                "entity_types", Value.list(List.of(Value.map(Map.of("name", Value.of("T"), "id", Value.of(1),
                        "properties", Value.list(List.of(Value.map(Map.of("name", Value.of("p"),
                                "id", Value.of(2), "type", Value.of("quaternion")))))))))));

        assertCorrupt(ValueCodec.encode(badKind));
        assertCorrupt(ValueCodec.encode(badType));
    }

    private static void assertCorrupt(byte[] bytes) {
        assertThatThrownBy(() -> SchemaCodec.decode(bytes))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION));
    }
}
