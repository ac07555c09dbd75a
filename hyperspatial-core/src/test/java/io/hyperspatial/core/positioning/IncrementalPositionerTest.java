package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** New entities with edges to positioned ones are placed as they arrive, near their parents. */
class IncrementalPositionerTest {
    @TempDir
    Path dir;
    private Database db;
    private Collection taxonomy;
    private IncrementalPositioner positioner;

    @BeforeEach
    void learnATree() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        taxonomy = db.createCollection("taxonomy");
        taxonomy.updateSchema(s -> s.entityType("Concept", Map.of("name", ValueType.STRING)).edgeType("is_a"));
        taxonomy.write(tx -> subtree(tx, "t", 0));
        GraphPositioner.declare(taxonomy, 4, List.of("is_a"));
        GraphPositioner.learn(taxonomy, EmbeddingConfig.defaults().withThreads(2).withEpochs(20), ProgressListener.NONE,
                1_000, (done, total) -> { });
        positioner = IncrementalPositioner.start(taxonomy);
    }

    @AfterEach
    void close() {
        positioner.close();
        db.close();
    }

    private void subtree(Transaction tx, String key, int depth) {
        UUID id = tx.upsertEntity(key, "Concept");
        for (int c = 0; depth < 3 && c < 4; c++) {
            String child = key + "." + c;
            subtree(tx, child, depth + 1);
            tx.addEdge(taxonomy.ids().forKey(child), "is_a", id, 1f);
        }
    }

    private Optional<double[]> position(String key) {
        try (ReadView view = taxonomy.snapshot()) {
            return view.positions().get(taxonomy.ids().forKey(key), PositionKind.GRAPH);
        }
    }

    private void await(long sequence) throws InterruptedException {
        assertThat(positioner.awaitApplied(sequence, Duration.ofSeconds(10))).isTrue();
    }

    private static double d(double[] a, double[] b) {
        return LorentzModel.UNIT.distance(a, b);
    }

    @Test
    void aNewLeafIsPlacedBelowItsParentAndNearerItThanToOtherBranches() throws Exception {
        long seq = taxonomy.write(tx -> {
            UUID leaf = tx.upsertEntity("t.1.2.new", "Concept");
            tx.addEdge(leaf, "is_a", taxonomy.ids().forKey("t.1.2"), 1f);
        });
        await(seq);

        double[] leaf = position("t.1.2.new").orElseThrow();
        double[] parent = position("t.1.2").orElseThrow();
        double[] origin = LorentzModel.UNIT.origin(4);
        assertThat(d(origin, leaf)).as("farther out than its parent").isGreaterThan(d(origin, parent));
        for (String other : List.of("t.0.0", "t.2.1", "t.3.3", "t.0.1.2", "t.3.2.1")) {
            assertThat(d(leaf, parent)).as("nearer its parent than " + other).isLessThan(d(leaf, position(other).orElseThrow()));
        }
        assertThat(positioner.placed()).isEqualTo(1);
        try (ReadView view = taxonomy.snapshot()) {
            assertThat(view.positions().trajectory(taxonomy.ids().forKey("t.1.2.new"), PositionKind.GRAPH,
                    Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(1);
        }
    }

    @Test
    void aChainOfNewEntitiesIsPlacedFromTheFirstPositionedAncestor() throws Exception {
        long seq = taxonomy.write(tx -> {
            UUID x = tx.upsertEntity("x", "Concept");
            UUID y = tx.upsertEntity("y", "Concept");
            tx.addEdge(y, "is_a", x, 1f);
            tx.addEdge(x, "is_a", taxonomy.ids().forKey("t.3"), 1f);
        });
        await(seq);

        double[] origin = LorentzModel.UNIT.origin(4);
        assertThat(d(origin, position("y").orElseThrow())).isGreaterThan(d(origin, position("x").orElseThrow()));
        assertThat(positioner.placed()).isEqualTo(2);
    }

    @Test
    void entitiesWithoutPositionedParentsAndPositionedEntitiesAreLeftAlone() throws Exception {
        double[] before = position("t.2").orElseThrow();
        long seq = taxonomy.write(tx -> {
            UUID orphan = tx.upsertEntity("orphan", "Concept");
            tx.addEdge(orphan, "is_a", tx.upsertEntity("other_orphan", "Concept"), 1f);
            tx.addEdge(taxonomy.ids().forKey("t.2"), "is_a", taxonomy.ids().forKey("t.1"), 1f);
        });
        await(seq);

        assertThat(position("orphan")).isEmpty();
        assertThat(position("other_orphan")).isEmpty();
        assertThat(position("t.2").orElseThrow()).containsExactly(before);
        assertThat(positioner.placed()).isZero();
    }
}
