package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.table.PositionKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Position spaces: declared per kind, stored in the catalog, checked on redeclaration. */
class PositionSpaceTest {
    private static final Schema WITH_EDGES = Schema.EMPTY.edit().edgeType("hypernym").edgeType("part_of").build();

    @Test
    void aGraphSpaceRoundTripsThroughTheCatalog() {
        Schema s = WITH_EDGES.edit()
                .positionSpace(PositionKind.GRAPH, 10, 1.0, List.of("hypernym", "part_of"))
                .positionSpace(PositionKind.EMBEDDING, 16, 2.0, List.of())
                .build();

        Schema back = SchemaCodec.decode(SchemaCodec.encode(s));

        assertThat(back).isEqualTo(s);
        PositionSpace graph = back.positionSpace(PositionKind.GRAPH).orElseThrow();
        assertThat(graph.dimension()).isEqualTo(10);
        assertThat(graph.coordinates()).isEqualTo(11);
        assertThat(graph.edgeTypes()).containsExactly("hypernym", "part_of");
        assertThat(back.positionSpace(PositionKind.EMBEDDING).orElseThrow().curvature()).isEqualTo(2.0);
        assertThat(back.positionSpace(PositionKind.PROPERTY)).isEmpty();
    }

    @Test
    void aCatalogWithoutPositionSpacesEncodesAsBefore() {
        assertThat(new String(SchemaCodec.encode(WITH_EDGES), StandardCharsets.ISO_8859_1)).doesNotContain("position");
        assertThat(SchemaCodec.decode(SchemaCodec.encode(WITH_EDGES)).positionSpaces()).isEmpty();
    }

    @Test
    void edgeTypesMayChangeButDimensionAndCurvatureMayNot() {
        Schema s = WITH_EDGES.edit().positionSpace(PositionKind.GRAPH, 10, 1.0, List.of("hypernym")).build();

        assertThat(s.edit().positionSpace(PositionKind.GRAPH, 10, 1.0, List.of("hypernym")).build()).isSameAs(s);
        Schema widened = s.edit().positionSpace(PositionKind.GRAPH, 10, 1.0, List.of("hypernym", "part_of")).build();
        assertThat(widened.positionSpace(PositionKind.GRAPH).orElseThrow().edgeTypes()).hasSize(2);
        assertThat(widened.positionSpace(PositionKind.GRAPH).orElseThrow().id())
                .isEqualTo(s.positionSpace(PositionKind.GRAPH).orElseThrow().id());
        assertThatThrownBy(() -> s.edit().positionSpace(PositionKind.GRAPH, 16, 1.0, List.of("hypernym")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_CONFLICT);
                    assertThat(e.field()).contains("position.graph");
                });
    }

    @Test
    void badDeclarationsNameWhatIsWrong() {
        assertThatThrownBy(() -> WITH_EDGES.edit().positionSpace(PositionKind.GRAPH, 10, 1.0, List.of("is_a")))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.getMessage()).contains("'is_a'");
                });
        assertThatThrownBy(() -> WITH_EDGES.edit().positionSpace(PositionKind.GRAPH, 10, 1.0, List.of()))
                .hasMessageContaining("at least one edge type");
        assertThatThrownBy(() -> WITH_EDGES.edit().positionSpace(PositionKind.PROPERTY, 10, 1.0, List.of("hypernym")))
                .hasMessageContaining("takes no edge types");
        assertThatThrownBy(() -> WITH_EDGES.edit().positionSpace(PositionKind.EMBEDDING, 0, 1.0, List.of()))
                .hasMessageContaining("1..1024");
        assertThatThrownBy(() -> WITH_EDGES.edit().positionSpace(PositionKind.EMBEDDING, 4, Double.NaN, List.of()))
                .hasMessageContaining("curvature");
    }
}
