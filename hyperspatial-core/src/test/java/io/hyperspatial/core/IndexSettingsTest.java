package io.hyperspatial.core;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.core.index.maintain.IndexSource;
import io.hyperspatial.core.index.maintain.SnapshotPolicy;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.schema.VectorQuantization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index settings a vector field's schema declares are what its index is built and searched
 * with: at start, when they change on a running database, and across a restart with snapshots.
 */
class IndexSettingsTest {
    private static final String COLLECTION = IndexRestartTest.COLLECTION;
    private static final int POINTS = 150;

    @TempDir Path dir;
    private HyperspatialDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private void open() {
        db = HyperspatialDatabase.open(Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL)),
                CollectionIndexer::defaultConfig, SnapshotPolicy.AT_SHUTDOWN);
    }

    private void restartWith(VectorIndexSettings settings) {
        db.close();
        db = null;
        try (Database storage = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL))) {
            storage.collection(COLLECTION).updateSchema(e -> e.vectorIndex("vec", s -> settings));
        }
        open();
    }

    private void createWithPoints(VectorIndexSettings settings) {
        open();
        Collection c = IndexRestartTest.create(db.storage());
        c.updateSchema(e -> e.vectorIndex("vec", s -> settings));
        for (int i = 0; i < POINTS; i++) {
            IndexRestartTest.put(c, i);
        }
        caughtUp();
    }

    private CollectionIndexer caughtUp() {
        CollectionIndexer indexer = db.indexer(COLLECTION);
        assertThat(indexer.awaitApplied(db.collection(COLLECTION).changes().lastSequence(), Duration.ofSeconds(30))).isTrue();
        return indexer;
    }

    private FieldIndexStats stats(String field) {
        return caughtUp().stats().stream().filter(s -> s.field().equals(field)).findFirst().orElseThrow();
    }

    private void assertFindsAll() {
        CollectionIndexer indexer = caughtUp();
        for (int i = 0; i < POINTS; i++) {
            List<EntityHit> hits = indexer.search("vec", IndexRestartTest.vector(i), 1, 0, null);
            assertThat(hits).as("point %d", i).extracting(EntityHit::entity)
                    .containsExactly(db.collection(COLLECTION).ids().forKey("p" + i));
        }
    }

    private static void assertSettings(FieldIndexStats s, VectorIndexSettings expected) {
        assertThat(s.m()).isEqualTo(expected.m());
        assertThat(s.efConstruction()).isEqualTo(expected.efConstruction());
        assertThat(s.efSearch()).isEqualTo(expected.efSearch());
        assertThat(s.quantization()).isEqualTo(expected.quantization().displayName());
    }

    @Test
    void theIndexIsBuiltWithTheDeclaredSettings() {
        VectorIndexSettings int8 = new VectorIndexSettings(8, 100, 40, VectorQuantization.INT8);
        createWithPoints(int8);

        assertSettings(stats("vec"), int8);
        assertSettings(stats("pos"), VectorIndexSettings.DEFAULT);
        assertThat(db.indexer(COLLECTION).defaultEf("vec")).isEqualTo(40);
        assertFindsAll();
    }

    @Test
    void aChangedEfSearchAppliesAtOnceAndOtherChangesRebuildTheField() {
        createWithPoints(VectorIndexSettings.DEFAULT);
        Collection c = db.collection(COLLECTION);

        c.updateSchema(e -> e.vectorIndex("vec", s -> s.withEfSearch(150)));
        assertThat(stats("vec").efSearch()).isEqualTo(150);
        assertThat(db.indexer(COLLECTION).defaultEf("vec")).isEqualTo(150);

        VectorIndexSettings binary = new VectorIndexSettings(6, 64, 150, VectorQuantization.BINARY);
        c.updateSchema(e -> e.vectorIndex("vec", s -> binary));
        FieldIndexStats rebuilt = stats("vec");
        assertSettings(rebuilt, binary);
        assertThat(rebuilt.vectors()).isEqualTo(POINTS);
        assertThat(stats("pos").m()).as("other fields are untouched").isEqualTo(16);
        assertFindsAll();
    }

    @Test
    void aSnapshotOfOtherSettingsIsNotLoadedButAnEfSearchChangeKeepsIt() {
        createWithPoints(VectorIndexSettings.DEFAULT);

        restartWith(VectorIndexSettings.DEFAULT.withEfSearch(99));
        assertThat(stats("vec").source()).isEqualTo(IndexSource.LOADED);
        assertThat(stats("vec").efSearch()).isEqualTo(99);

        VectorIndexSettings int8 = VectorIndexSettings.DEFAULT.withQuantization(VectorQuantization.INT8);
        restartWith(int8);
        assertThat(stats("vec").source()).isEqualTo(IndexSource.BUILT);
        assertThat(stats("pos").source()).isEqualTo(IndexSource.LOADED);
        assertSettings(stats("vec"), int8);
        assertFindsAll();
    }

    @Test
    void searchesRunningWhileTheIndexIsRebuiltAndClosedStillAnswer() throws InterruptedException {
        VectorIndexSettings int8 = VectorIndexSettings.DEFAULT.withQuantization(VectorQuantization.INT8);
        createWithPoints(int8);
        Collection c = db.collection(COLLECTION);
        CollectionIndexer indexer = caughtUp();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger searches = new AtomicInteger();
        Thread searcher = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; !stop.get(); i = (i + 1) % POINTS) {
                    assertThat(indexer.search("vec", IndexRestartTest.vector(i), 5, 0, null)).isNotEmpty();
                    searches.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            for (int round = 0; round < 20 && failure.get() == null; round++) {
                int m = 6 + round % 2; // every round a new graph, replacing and closing a quantized index
                c.updateSchema(e -> e.vectorIndex("vec", s -> int8.withM(m)));
                caughtUp();
            }
        } finally {
            stop.set(true);
            searcher.join();
        }
        assertThat(failure.get()).isNull();
        assertThat(searches.get()).isPositive();
    }
}
