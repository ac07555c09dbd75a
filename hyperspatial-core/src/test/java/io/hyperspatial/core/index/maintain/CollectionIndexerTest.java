package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.VectorIndex;
import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.ScoringSpace;
import io.hyperspatial.core.index.score.ScoringSpaces;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectionIndexerTest {
    @TempDir
    Path dir;
    private Database db;
    private Collection points;
    private CollectionIndexer indexer;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        points = db.createCollection("points");
        points.updateSchema(s -> s.entityType("Point", Map.of("label", ValueType.STRING))
                .vectorField("xy", VectorKind.DENSE, 2, VectorMetric.L2)
                .vectorField("tags", VectorKind.SPARSE, 100, VectorMetric.DOT));
    }

    @AfterEach
    void close() {
        if (indexer != null) {
            indexer.close();
        }
        db.close();
    }

    private long put(String key, float x, float y) {
        return points.write(tx -> tx.setVector(tx.upsertEntity(key, "Point"), "xy", new float[]{x, y}));
    }

    private CollectionIndexer start() {
        indexer = CollectionIndexer.start(points, ExactIndex::new, CollectionIndexer::defaultConfig);
        return indexer;
    }

    private List<UUID> nearest(float x, float y, int k) {
        return indexer.search("xy", new float[]{x, y}, k, 0, null).stream().map(EntityHit::entity).toList();
    }

    @Test
    void vectorsWrittenBeforeStartAreIndexedFromASnapshot() {
        put("a", 0, 0);
        put("b", 10, 10);
        start();
        assertThat(nearest(9, 9, 1)).containsExactly(points.ids().forKey("b"));
        assertThat(indexer.stats()).singleElement().satisfies(s -> {
            assertThat(s.field()).isEqualTo("xy");
            assertThat(s.vectors()).isEqualTo(2);
            assertThat(s.backlog()).isZero();
        });
    }

    @Test
    void writesAfterStartAreIndexedInTheBackgroundAndASearchCanWaitForThem() {
        start();
        long seq = 0;
        for (int i = 0; i < 50; i++) {
            seq = put("p" + i, i, 0);
        }
        assertThat(indexer.awaitApplied(seq, Duration.ofSeconds(10))).isTrue();
        assertThat(indexer.appliedSequence()).isGreaterThanOrEqualTo(seq);
        assertThat(nearest(41.2f, 0, 2)).containsExactly(points.ids().forKey("p41"), points.ids().forKey("p42"));
        assertThat(indexer.stats().getFirst().backlog()).isZero();
        assertThat(indexer.stats().getFirst().vectors()).isEqualTo(50);
    }

    @Test
    void deletedEntitiesAndRemovedVectorsLeaveTheIndexAndMovedVectorsMove() {
        put("a", 0, 0);
        put("b", 1, 1);
        put("c", 5, 5);
        start();
        UUID a = points.ids().forKey("a");
        UUID b = points.ids().forKey("b");
        points.write(tx -> tx.deleteEntity(a));
        points.write(tx -> tx.removeVector(b, "xy"));
        long seq = put("c", 100, 100);
        indexer.awaitApplied(seq, Duration.ofSeconds(10));
        assertThat(nearest(0, 0, 3)).containsExactly(points.ids().forKey("c"));
        assertThat(indexer.search("xy", new float[]{0, 0}, 1, 0, null).getFirst().distance())
                .isCloseTo((float) Math.sqrt(2) * 100, org.assertj.core.api.Assertions.within(1e-2f));
    }

    @Test
    void aVectorFieldDeclaredLaterGetsAnIndex() {
        start();
        points.updateSchema(s -> s.vectorField("z", VectorKind.DENSE, 1, VectorMetric.L2));
        long seq = points.write(tx -> tx.setVector(tx.upsertEntity("q", "Point"), "z", new float[]{3}));
        indexer.awaitApplied(seq, Duration.ofSeconds(10));
        assertThat(indexer.search("z", new float[]{2}, 1, 0, null)).extracting(EntityHit::entity)
                .containsExactly(points.ids().forKey("q"));
    }

    @Test
    void anAllowListRestrictsResults() {
        for (int i = 0; i < 20; i++) {
            put("p" + i, i, 0);
        }
        start();
        UUID far = points.ids().forKey("p19");
        assertThat(indexer.search("xy", new float[]{0, 0}, 3, 0, Set.of(far))).extracting(EntityHit::entity)
                .containsExactly(far);
    }

    @Test
    void onlyDenseDeclaredFieldsCanBeSearched() {
        start();
        assertThatThrownBy(() -> indexer.search("tags", new float[]{1}, 1, 0, null))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH));
        assertThatThrownBy(() -> indexer.search("nope", new float[]{1}, 1, 0, null))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD));
    }

    /** An exact index over a scoring space, enough to test the indexer's bookkeeping. */
    static final class ExactIndex implements VectorIndex {
        private final IndexConfig config;
        private final ScoringSpace space;
        private final Map<Integer, Integer> ordinalOf = new HashMap<>();
        private final Map<Integer, Integer> idOf = new HashMap<>();

        ExactIndex(IndexConfig config) {
            this.config = config;
            this.space = ScoringSpaces.create(config);
        }

        @Override
        public IndexConfig config() {
            return config;
        }

        @Override
        public synchronized void add(int id, float[] vector) {
            Integer ord = ordinalOf.get(id);
            if (ord != null) {
                space.set(ord, vector);
            } else {
                ord = space.add(vector);
                ordinalOf.put(id, ord);
                idOf.put(ord, id);
            }
        }

        @Override
        public synchronized boolean remove(int id) {
            Integer ord = ordinalOf.remove(id);
            if (ord != null) {
                idOf.remove(ord);
            }
            return ord != null;
        }

        @Override
        public synchronized List<SearchHit> search(SearchRequest request) {
            NodeScorer scorer = space.scorer(request.query());
            List<SearchHit> hits = new ArrayList<>();
            idOf.forEach((ord, id) -> {
                if (request.filter() == null || request.filter().contains(id)) {
                    hits.add(new SearchHit(id, space.distance(scorer.score(ord))));
                }
            });
            hits.sort(Comparator.comparingDouble(SearchHit::distance));
            return hits.subList(0, Math.min(request.k(), hits.size()));
        }

        @Override
        public void setEfSearch(int efSearch) {
        }

        @Override
        public synchronized int size() {
            return idOf.size();
        }

        @Override
        public long memoryBytes() {
            return size() * space.bytesPerVector();
        }
    }
}
