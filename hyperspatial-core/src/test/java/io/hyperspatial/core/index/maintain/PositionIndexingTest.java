package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.geometry.HyperbolicModels;
import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Declared position spaces are indexed like vector fields, as hyperboloid points, queried by
 * Poincaré points and searched by hyperbolic distance.
 */
class PositionIndexingTest {
    private static final String GRAPH = CollectionIndexer.positionIndexName(PositionKind.GRAPH);
    private static final int DIMS = 3;
    private static final HyperbolicModels MODELS = new HyperbolicModels(1.0);

    @TempDir
    Path dir;
    private Database db;
    private Collection concepts;
    private CollectionIndexer indexer;
    private final Random random = new Random(7);

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        concepts = db.createCollection("concepts");
        concepts.updateSchema(s -> s.entityType("Concept", Map.of("name", ValueType.STRING)).edgeType("is_a"));
    }

    @AfterEach
    void close() {
        if (indexer != null) {
            indexer.close();
        }
        db.close();
    }

    private void declare() {
        concepts.updateSchema(s -> s.positionSpace(PositionKind.GRAPH, DIMS, 1.0, List.of("is_a")));
    }

    /** A random point up to distance 12 from the origin, where float32 Lorentz coordinates would be useless. */
    private double[] randomPoint() {
        double[] v = new double[DIMS + 1];
        double norm = 0;
        for (int i = 1; i <= DIMS; i++) {
            v[i] = random.nextGaussian();
            norm += v[i] * v[i];
        }
        double r = 12 * random.nextDouble() / Math.sqrt(norm);
        for (int i = 1; i <= DIMS; i++) {
            v[i] *= r;
        }
        return LorentzModel.UNIT.expMap0(v);
    }

    private long place(String key, double[] x) {
        return concepts.write(tx -> tx.setPosition(tx.upsertEntity(key, "Concept"), PositionKind.GRAPH, x, 1));
    }

    private CollectionIndexer start() {
        indexer = CollectionIndexer.start(concepts, io.hyperspatial.core.index.hnsw.HnswIndex::new,
                CollectionIndexer::defaultConfig);
        return indexer;
    }

    @Test
    void positionsAreSearchedByHyperbolicDistanceWhereverTheyWereWritten() {
        declare();
        double[][] points = new double[60][];
        for (int i = 0; i < 30; i++) {
            points[i] = randomPoint();
            place("c" + i, points[i]);
        }
        start();
        long seq = 0;
        for (int i = 30; i < 60; i++) {
            points[i] = randomPoint();
            seq = place("c" + i, points[i]);
        }
        assertThat(indexer.awaitApplied(seq, Duration.ofSeconds(10))).isTrue();

        double[] query = points[17];
        List<Integer> expected = IntStream.range(0, 60).boxed()
                .sorted(Comparator.comparingDouble(i -> LorentzModel.UNIT.distance(query, points[i]))).limit(5).toList();
        float[] ball = PositionPoints.toBall(MODELS, 1.0, query);
        List<EntityHit> hits = indexer.search(GRAPH, ball, 5, 64, null);

        assertThat(hits).extracting(EntityHit::entity)
                .containsExactlyElementsOf(expected.stream().map(i -> concepts.ids().forKey("c" + i)).toList());
        for (int j = 0; j < hits.size(); j++) {
            assertThat((double) hits.get(j).distance()).as("hyperbolic distance of hit " + j)
                    .isCloseTo(LorentzModel.UNIT.distance(query, points[expected.get(j)]), within(1e-2));
        }
    }

    /**
     * Twenty points within 1 of each other at radius 20 (off the axes, so no coordinate is near
     * zero, where floats are fine), where their float32 ball coordinates are identical. They are
     * 2·10^-10 radians apart, below float32's resolution of a direction too, so the index sees
     * them as one point: only the float64 re-rank can put them in order, and it does, by entity
     * and by vector.
     */
    @Test
    void pointsFloat32CannotTellApartAreRankedByTheirFloat64Positions() {
        declare();
        double side = 20 / Math.sqrt(3);
        double[] centre = LorentzModel.UNIT.expMap0(new double[]{0, side, side, side});
        double[][] points = new double[20][];
        for (int i = 0; i < points.length; i++) {
            double[] tangent = LorentzModel.UNIT.projectToTangent(centre, new double[]{0, 1, -1, 0});
            double scale = 0.05 * i / LorentzModel.UNIT.norm(centre, tangent);
            for (int j = 0; j < tangent.length; j++) {
                tangent[j] *= scale;
            }
            points[i] = i == 0 ? centre : LorentzModel.UNIT.expMap(centre, tangent);
            place("near" + i, points[i]);
        }
        long seq = 0;
        for (int i = 0; i < 40; i++) {
            seq = place("other" + i, randomPoint());
        }
        start();
        indexer.awaitApplied(seq, Duration.ofSeconds(10));
        float[] centreBall = PositionPoints.toBall(MODELS, 1.0, centre);
        assertThat(PositionPoints.toBall(MODELS, 1.0, points[7])).as("float32 ball points of near0 and near7")
                .isEqualTo(centreBall);

        List<EntityHit> hits = indexer.searchLike(GRAPH, concepts.ids().forKey("near0"), 6, 64, null).orElseThrow();

        assertThat(hits).extracting(EntityHit::entity).containsExactlyElementsOf(
                IntStream.range(0, 6).mapToObj(i -> concepts.ids().forKey("near" + i)).toList());
        for (int i = 0; i < hits.size(); i++) {
            assertThat((double) hits.get(i).distance()).as("distance of near" + i).isCloseTo(0.05 * i, within(1e-4));
        }
        assertThat(indexer.search(GRAPH, centreBall, 3, 64, null)).hasSize(3)
                .allSatisfy(h -> assertThat(h.entity().toString()).isIn(IntStream.range(0, 20)
                        .mapToObj(i -> concepts.ids().forKey("near" + i).toString()).toList()));
    }

    @Test
    void searchingLikeAnEntityWithoutAPositionIsEmpty() {
        declare();
        place("a", randomPoint());
        long seq = concepts.write(tx -> tx.upsertEntity("nowhere", "Concept"));
        start();
        indexer.awaitApplied(seq, Duration.ofSeconds(10));

        assertThat(indexer.searchLike(GRAPH, concepts.ids().forKey("nowhere"), 3, 16, null)).isEmpty();
    }

    @Test
    void aSpaceDeclaredOverStoredPositionsIsBuiltFromThem() {
        place("a", randomPoint());
        place("b", randomPoint());
        start();
        assertThat(indexer.stats()).isEmpty();

        declare();
        long seq = place("c", randomPoint());
        indexer.awaitApplied(seq, Duration.ofSeconds(10));

        assertThat(indexer.stats()).singleElement().satisfies(s -> {
            assertThat(s.field()).isEqualTo(GRAPH);
            assertThat(s.metric()).isEqualTo("lorentz");
            assertThat(s.dimension()).isEqualTo(DIMS + 1);
            assertThat(s.vectors()).isEqualTo(3);
        });
    }

    @Test
    void aDeletedEntityLeavesThePositionIndex() {
        declare();
        place("a", randomPoint());
        place("b", randomPoint());
        start();
        UUID a = concepts.ids().forKey("a");
        long seq = concepts.write(tx -> tx.deleteEntity(a));
        indexer.awaitApplied(seq, Duration.ofSeconds(10));

        assertThat(indexer.search(GRAPH, new float[DIMS], 5, 16, null)).extracting(EntityHit::entity)
                .containsExactly(concepts.ids().forKey("b"));
    }

    @Test
    void searchingAnUndeclaredSpaceNamesIt() {
        start();
        assertThatThrownBy(() -> indexer.search(GRAPH, new float[DIMS], 1, 0, null))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.getMessage()).contains("no position space 'graph'");
                });
    }

    @Test
    void aPointAtTheEdgeOfFloatPrecisionStaysInsideTheBall() {
        declare();
        double[] far = LorentzModel.UNIT.expMap0(new double[]{0, 30, 0, 0});
        float[] ball = PositionPoints.toBall(MODELS, 1.0, far);
        double sq = 0;
        for (float f : ball) {
            sq += (double) f * f;
        }
        assertThat(sq).isLessThan(1.0);
    }
}
