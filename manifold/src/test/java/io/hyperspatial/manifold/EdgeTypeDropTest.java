package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.PositionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dropping an edge type deletes its edges in both directions and leaves other types' edges alone. */
class EdgeTypeDropTest {
    @TempDir
    Path dir;

    @Test
    void droppingAnEdgeTypeDeletesItsEdgesOnly() {
        try (Database db = TestCollections.open(dir)) {
            Collection c = TestCollections.create(db, "g");
            UUID[] ids = new UUID[3];
            c.write(Durability.STRICT, tx -> {
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = tx.upsertEntity("p" + i, "Person");
                }
                tx.addEdge(ids[0], "knows", ids[1], 1f);
                tx.addEdge(ids[1], "knows", ids[2], 2f);
                tx.addEdge(ids[0], "lives_in", ids[2], 1f);
            });
            c.write(Durability.STRICT, tx -> tx.removeEdge(ids[1], "knows", ids[2]));

            c.updateSchema(s -> s.dropEdgeType("knows"));

            assertThat(c.schema().edgeTypes()).containsOnlyKeys("lives_in");
            c.read(view -> {
                assertThat(view.graph().outgoing(ids[0])).extracting(Edge::type).containsExactly("lives_in");
                assertThat(view.graph().incoming(ids[1])).isEmpty();
                assertThat(view.graph().incoming(ids[2])).extracting(Edge::from).containsExactly(ids[0]);
                return null;
            });
            c.updateSchema(s -> s.edgeType("knows"));
            c.read(view -> {
                assertThat(view.graph().outgoing(ids[0], "knows")).isEmpty();
                return null;
            });
        }
    }

    @Test
    void anEdgeTypeThatGraphPositionsUseCannotBeDropped() {
        try (Database db = TestCollections.open(dir)) {
            Collection c = TestCollections.create(db, "g");
            c.updateSchema(s -> s.positionSpace(PositionKind.GRAPH, 4, 1.0, List.of("knows")));

            assertThatThrownBy(() -> c.updateSchema(s -> s.dropEdgeType("knows")))
                    .isInstanceOf(ManifoldException.class).hasMessageContaining("graph positions");
            assertThatThrownBy(() -> c.updateSchema(s -> s.dropEdgeType("likes")))
                    .isInstanceOf(ManifoldException.class).hasMessageContaining("unknown edge type");
            assertThat(c.schema().edgeTypes()).containsKeys("knows", "lives_in");
        }
    }
}
