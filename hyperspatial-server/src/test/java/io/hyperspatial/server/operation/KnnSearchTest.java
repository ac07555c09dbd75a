package io.hyperspatial.server.operation;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.schema.VectorMetric;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Where {@link KnnSearch} answers: on the calling thread when nothing can block, else on the blocking executor. */
class KnnSearchTest {
    private static final int N = 200;
    private static final int DIM = 4;

    @TempDir Path dir;
    private final List<Runnable> queued = new ArrayList<>();

    @Test
    void rowsOnlyOnDiskAreReadOnTheBlockingExecutorThenFromMemory() {
        Random random = new Random(11);
        try (HyperspatialDatabase db = open()) {
            write(db.storage().createCollection("c"), random);
        }
        try (HyperspatialDatabase db = open()) {
            db.indexer("c");
            KnnSearch search = new KnnSearch(db);
            KnnQuery q = query(vector(random), 0, List.of());

            CompletableFuture<KnnResult> cold = search.search("c", q, queued::add);
            assertThat(cold).as("the entity rows are in a file no read has cached").isNotDone();
            assertThat(queued).hasSize(1);
            queued.removeFirst().run();
            KnnResult answer = cold.join();
            assertThat(answer.hits()).hasSize(5);
            assertThat(search.search("c", q)).isEqualTo(answer);

            // The blocking reads cached the rows, so the query is now answered inline. A compaction
            // that RocksDB runs in the background after the reopen may replace the file just read
            // (its blocks then leave the cache), so allow a few more blocking reads before that.
            CompletableFuture<KnnResult> warm = search.search("c", q, queued::add);
            for (int attempt = 0; attempt < 5 && !warm.isDone(); attempt++) {
                queued.removeFirst().run();
                assertThat(warm.join()).isEqualTo(answer);
                warm = search.search("c", q, queued::add);
            }
            assertThat(warm).as("the blocking reads cached the rows").isDone();
            assertThat(queued).isEmpty();
            assertThat(warm.join()).isEqualTo(answer);
        }
    }

    @Test
    void queriesThatMayBlockOrRunLongGoToTheBlockingExecutor() {
        Random random = new Random(12);
        try (HyperspatialDatabase db = open()) {
            Collection c = db.storage().createCollection("c");
            write(c, random);
            KnnSearch search = new KnnSearch(db);
            float[] v = vector(random);
            KnnQuery plain = query(v, 0, List.of());
            assertThat(search.search("c", plain, queued::add)).as("the indexer is not started yet").isNotDone();
            queued.removeFirst().run();

            int wide = KnnSearch.INLINE_BUDGET / DIM + 1;
            List<KnnQuery> blocking = List.of(query(v, 0, List.of("n")), query(v, wide, List.of()),
                    new KnnQuery("v", v, null, 5, 0, true, List.of()), new KnnQuery("v", null, "p3", 5, 0, false, List.of()));
            assertThat(search.search("c", plain, queued::add)).isDone();
            for (KnnQuery q : blocking) {
                CompletableFuture<KnnResult> f = search.search("c", q, queued::add);
                assertThat(f).as(q.toString()).isNotDone();
                queued.removeFirst().run();
                assertThat(f.join()).isEqualTo(search.search("c", q));
            }
            assertThat(queued).isEmpty();
        }
    }

    private HyperspatialDatabase open() {
        return HyperspatialDatabase.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
    }

    private static KnnQuery query(float[] v, int ef, List<String> properties) {
        return new KnnQuery("v", v, null, 5, ef, false, properties);
    }

    private static void write(Collection c, Random random) {
        c.updateSchema(s -> s.entityType("P", Map.of("n", ValueType.INT64))
                .vectorField("v", VectorKind.DENSE, DIM, VectorMetric.COSINE));
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            vectors.add(vector(random));
        }
        c.write(Durability.STRICT, tx -> {
            for (int i = 0; i < N; i++) {
                UUID id = tx.upsertEntity("p" + i, "P");
                tx.patchProperties(id, Map.of("n", Value.of((long) i)));
                tx.setVector(id, "v", vectors.get(i));
            }
        });
    }

    private static float[] vector(Random random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
