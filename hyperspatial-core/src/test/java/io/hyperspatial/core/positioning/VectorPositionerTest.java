package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Embedding and property positions, and the combined similarity over all kinds. */
class VectorPositionerTest {
    private static final int PER_GROUP = 40;
    private static final String[] COLOURS = {"red", "blue"};

    @TempDir
    Path dir;
    private Database db;
    private Collection things;
    private final Random random = new Random(11);

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        things = db.createCollection("things");
        things.updateSchema(s -> s.entityType("Thing", Map.of("colour", ValueType.STRING, "size", ValueType.INT64))
                .vectorField("emb", VectorKind.DENSE, 24, VectorMetric.L2)
                .vectorField("tags", VectorKind.SPARSE, 10, VectorMetric.DOT));
        // two groups: vectors around two far-apart centres, and different colours and sizes
        for (int g = 0; g < 2; g++) {
            float[] centre = gaussian(24, 10);
            for (int i = 0; i < PER_GROUP; i++) {
                int group = g;
                float[] v = gaussian(24, 1);
                for (int k = 0; k < v.length; k++) {
                    v[k] += centre[k];
                }
                things.write(tx -> {
                    UUID id = tx.upsertEntity(key(group, tx.entities().count()), "Thing");
                    tx.patchProperties(id, Map.of("colour", Value.of(COLOURS[group]), "size", Value.of(group == 0 ? 3L : 3000L)));
                    tx.setVector(id, "emb", v);
                });
            }
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String key(int group, long n) {
        return "g" + group + "-" + n;
    }

    private float[] gaussian(int n, double sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }

    /** Mean distance within groups over mean distance across them, for one kind of position. */
    private double withinOverAcross(PositionKind kind) {
        double within = 0;
        double across = 0;
        int nw = 0;
        int na = 0;
        try (ReadView view = things.snapshot()) {
            var all = new java.util.ArrayList<Map.Entry<String, double[]>>();
            view.entities().forEach(e -> all.add(Map.entry(e.key().orElseThrow(),
                    view.positions().get(e.id(), kind).orElseThrow())));
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    double d = LorentzModel.UNIT.distance(all.get(i).getValue(), all.get(j).getValue());
                    if (all.get(i).getKey().charAt(1) == all.get(j).getKey().charAt(1)) {
                        within += d;
                        nw++;
                    } else {
                        across += d;
                        na++;
                    }
                }
            }
        }
        return (within / nw) / (across / na);
    }

    @Test
    void embeddingPositionsKeepClustersApart() {
        VectorPositioner.Mapped m = VectorPositioner.fromField(things, "emb", 4, 1, 1_000, WriteProgress.NONE);

        assertThat(m.entities()).isEqualTo(2 * PER_GROUP);
        assertThat(things.schema().positionSpace(PositionKind.EMBEDDING).orElseThrow().dimension()).isEqualTo(4);
        assertThat(withinOverAcross(PositionKind.EMBEDDING)).isLessThan(0.5);
    }

    @Test
    void propertyPositionsGroupEntitiesWithSimilarProperties() {
        VectorPositioner.fromProperties(things, 4, 1, 1_000, WriteProgress.NONE);

        assertThat(withinOverAcross(PositionKind.PROPERTY)).isLessThan(0.5);
    }

    @Test
    void theSameSeedGivesTheSamePositions() {
        VectorPositioner.fromField(things, "emb", 4, 5, 1_000, WriteProgress.NONE);
        double[] first = position("g0-0", PositionKind.EMBEDDING);
        VectorPositioner.fromField(things, "emb", 4, 5, 2_000, WriteProgress.NONE);
        assertThat(position("g0-0", PositionKind.EMBEDDING)).containsExactly(first);
    }

    @Test
    void onlyDenseFieldsGiveEmbeddingPositions() {
        assertThatThrownBy(() -> VectorPositioner.fromField(things, "tags", 4, 1, 1, WriteProgress.NONE))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("dense");
    }

    @Test
    void theCombinedDistanceIsTheWeightedMeanOfTheKindsBothEntitiesHave() {
        VectorPositioner.fromField(things, "emb", 4, 1, 1_000, WriteProgress.NONE);
        VectorPositioner.fromProperties(things, 4, 1, 1_000, WriteProgress.NONE);
        UUID a = things.ids().forKey("g0-0");
        UUID b = things.ids().forKey("g1-" + PER_GROUP);
        double de = LorentzModel.UNIT.distance(position("g0-0", PositionKind.EMBEDDING),
                position("g1-" + PER_GROUP, PositionKind.EMBEDDING));
        double dp = LorentzModel.UNIT.distance(position("g0-0", PositionKind.PROPERTY),
                position("g1-" + PER_GROUP, PositionKind.PROPERTY));

        try (ReadView view = things.snapshot()) {
            assertThat(CombinedSimilarity.of(1, 3, 1).distance(view, a, b).orElseThrow())
                    .as("graph positions are missing and drop out").isCloseTo((3 * de + dp) / 4, within(1e-9));
            assertThat(CombinedSimilarity.of(1, 0, 0).distance(view, a, b)).isEmpty();
        }
    }

    @Test
    void theNearestByCombinedDistanceComeFromTheSameGroup() {
        VectorPositioner.fromField(things, "emb", 4, 1, 1_000, WriteProgress.NONE);
        long seq = VectorPositioner.fromProperties(things, 4, 1, 1_000, WriteProgress.NONE).sequence();
        CollectionIndexer indexer = CollectionIndexer.start(things, io.hyperspatial.core.index.hnsw.HnswIndex::new,
                CollectionIndexer::defaultConfig);
        try (indexer; ReadView view = things.snapshot()) {
            indexer.awaitApplied(seq, Duration.ofSeconds(10));
            UUID a = things.ids().forKey("g1-" + (PER_GROUP + 3));

            var hits = CombinedSimilarity.of(0, 1, 1).nearest(indexer, view, a, 10);

            assertThat(hits).hasSize(10).extracting(EntityHit::entity).doesNotContain(a)
                    .allSatisfy(id -> assertThat(view.entities().get(id).orElseThrow().key().orElseThrow()).startsWith("g1-"));
            assertThat(hits).isSortedAccordingTo(java.util.Comparator.comparingDouble(EntityHit::distance));
        }
    }

    @Test
    void weightsMustBeSensible() {
        assertThatThrownBy(() -> CombinedSimilarity.of(0, 0, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> CombinedSimilarity.of(-1, 1, 0)).hasMessageContaining(">= 0");
    }

    private double[] position(String key, PositionKind kind) {
        try (ReadView view = things.snapshot()) {
            return view.positions().get(things.ids().forKey(key), kind).orElseThrow();
        }
    }
}
