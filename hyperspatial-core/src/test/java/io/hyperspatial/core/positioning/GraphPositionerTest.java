package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Learning graph positions of a collection: from its edges, into its position table, evaluated from there. */
class GraphPositionerTest {
    private static final int BRANCHING = 4;
    private static final int LEVELS = 3;

    @TempDir
    Path dir;
    private Database db;
    private Collection taxonomy;
    private final List<String> keys = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        taxonomy = db.createCollection("taxonomy");
        taxonomy.updateSchema(s -> s.entityType("Concept", Map.of("name", ValueType.STRING)).edgeType("is_a")
                .edgeType("related"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A complete tree: node "t" with children "t.0".."t.3", each with four children, three levels below the root. */
    private void writeTree() {
        taxonomy.write(tx -> addSubtree(tx, "t", 0));
    }

    private void addSubtree(io.hyperspatial.manifold.Transaction tx, String key, int depth) {
        UUID id = tx.upsertEntity(key, "Concept");
        keys.add(key);
        if (depth == LEVELS) {
            return;
        }
        for (int c = 0; c < BRANCHING; c++) {
            String child = key + "." + c;
            addSubtree(tx, child, depth + 1);
            tx.addEdge(taxonomy.ids().forKey(child), "is_a", id, 1f);
        }
    }

    private static EmbeddingConfig quick() {
        return EmbeddingConfig.defaults().withThreads(2).withEpochs(20);
    }

    @Test
    void learnedPositionsAreStoredWithTheirTrajectoryAndGeneralConceptsLieNearerTheOrigin() {
        writeTree();
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));

        GraphPositioner.Learned learned = GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1_000,
                (done, total) -> { });

        assertThat(learned.nodes()).isEqualTo(85);
        assertThat(learned.closurePairs()).isEqualTo(4 + 16 * 2 + 64 * 3);
        try (ReadView view = taxonomy.snapshot()) {
            double[] root = view.positions().get(taxonomy.ids().forKey("t"), PositionKind.GRAPH).orElseThrow();
            double[] leaf = view.positions().get(taxonomy.ids().forKey("t.1.2.3"), PositionKind.GRAPH).orElseThrow();
            assertThat(root).hasSize(5);
            double[] origin = LorentzModel.UNIT.origin(4);
            assertThat(LorentzModel.UNIT.distance(origin, root)).isLessThan(LorentzModel.UNIT.distance(origin, leaf));
            assertThat(view.positions().trajectory(taxonomy.ids().forKey("t"), PositionKind.GRAPH, 0, 2_000)).hasSize(1);
        }
    }

    @Test
    void theStoredPositionsReconstructTheTree() {
        writeTree();
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));
        GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1_000, (done, total) -> { });

        ReconstructionEvaluation e = GraphPositioner.evaluate(taxonomy, List.of(), 2);

        assertThat(e.nodes()).isEqualTo(84);
        assertThat(e.pairs()).isEqualTo(228);
        assertThat(e.map()).isGreaterThan(0.95);
        assertThat(e.meanRank()).isLessThan(1.5);
    }

    @Test
    void relearningExtendsTheTrajectory() {
        writeTree();
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));
        GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1_000, (done, total) -> { });
        GraphPositioner.learn(taxonomy, quick().withSeed(7), ProgressListener.NONE, 2_000, (done, total) -> { });

        try (ReadView view = taxonomy.snapshot()) {
            assertThat(view.positions().trajectory(taxonomy.ids().forKey("t.0"), PositionKind.GRAPH, 0, 3_000))
                    .extracting(s -> s.timeMillis()).containsExactly(1_000L, 2_000L);
        }
    }

    @Test
    void aCycleIsRejectedNamingAnEntityOnIt() {
        taxonomy.write(tx -> {
            UUID a = tx.upsertEntity("a", "Concept");
            UUID b = tx.upsertEntity("b", "Concept");
            UUID c = tx.upsertEntity("c", "Concept");
            tx.addEdge(a, "is_a", b, 1f);
            tx.addEdge(b, "is_a", c, 1f);
            tx.addEdge(c, "is_a", a, 1f);
        });
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));

        assertThatThrownBy(() -> GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1, (d, t) -> { }))
                .isInstanceOfSatisfying(ManifoldException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("is_a edges are not a hierarchy").containsPattern("entity '[abc]'");
                });
    }

    @Test
    void missingEdgesPositionsOrDeclarationsAreClearErrors() {
        assertThatThrownBy(() -> GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1, (d, t) -> { }))
                .hasMessageContaining("declares no graph positions");
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));
        assertThatThrownBy(() -> GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1, (d, t) -> { }))
                .hasMessageContaining("has no is_a edges");
        writeTree();
        assertThatThrownBy(() -> GraphPositioner.evaluate(taxonomy, List.of(), 1))
                .hasMessageContaining("has no graph position");
        assertThatThrownBy(() -> GraphPositioner.declare(taxonomy, 8, List.of("is_a")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void edgesToMissingEntitiesAreLeftOutAndCounted() {
        writeTree();
        taxonomy.write(tx -> tx.addEdge(taxonomy.ids().forKey("t.0"), "is_a", taxonomy.ids().forKey("ghost"), 1f));
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));

        GraphPositioner.Learned learned = GraphPositioner.learn(taxonomy, quick(), ProgressListener.NONE, 1, (d, t) -> { });

        assertThat(learned.nodes()).isEqualTo(85);
        assertThat(learned.danglingEdges()).isEqualTo(1);
    }
}
