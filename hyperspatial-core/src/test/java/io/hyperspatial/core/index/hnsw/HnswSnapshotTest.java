package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.score.CodeScoringSpace;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.roaringbitmap.RoaringBitmap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing and loading HNSW snapshots: identical behaviour after a round trip, and rejected files. */
class HnswSnapshotTest {
    static final int N = 1500;
    static final int K = 10;

    @TempDir
    Path dir;

    /** Builds an index on one thread (reproducible), then removes and replaces some ids. */
    private static HnswIndex mutated(VectorMetric metric, float[][] data, int dim) {
        HnswIndex index = HnswIndex.build(IndexConfig.of(metric, dim).withEfConstruction(64),
                IntStream.range(0, N).toArray(), Arrays.copyOf(data, N), 1);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            index.remove(r.nextInt(N));
        }
        index.repairDeletions();
        for (int i = 0; i < 30; i++) {
            index.remove(r.nextInt(N));
        }
        for (int i = 0; i < 100; i++) {
            index.add(r.nextInt(N), data[N + i]);
        }
        return index;
    }

    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void aLoadedIndexAnswersExactlyAsTheOriginalAndKeepsDoingSoUnderTheSameChanges(VectorMetric metric) throws IOException {
        int dim = metric == VectorMetric.LORENTZ ? 9 : 8;
        float[][] data = TestVectors.of(metric, N + 300, dim, 11);
        HnswIndex original = mutated(metric, data, dim);
        assertThat(original.retiredOrdinals()).isNotEmpty();
        assertThat(original.freeOrdinals()).isNotEmpty();
        Path file = dir.resolve(metric.name().toLowerCase() + ".hnsw");

        long bytes = HnswSnapshot.write(original, 1234, file);
        HnswSnapshot.Loaded loaded = HnswSnapshot.read(file, original.config());

        assertThat(bytes).isEqualTo(Files.size(file));
        assertThat(loaded.sequence()).isEqualTo(1234);
        assertThat(loaded.idBound()).isEqualTo(N);
        HnswIndex copy = loaded.index();
        assertThat(copy.size()).isEqualTo(original.size());
        assertThat(copy.config()).isEqualTo(original.config());
        assertThat(copy.retiredOrdinals()).containsExactly(original.retiredOrdinals());
        assertThat(copy.freeOrdinals()).containsExactly(original.freeOrdinals());
        assertSameAnswers(original, copy, data);

        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 100; i++) {
            int id = r.nextInt(N + 50);
            float[] v = data[N + 100 + i];
            original.add(id, v);
            copy.add(id, v);
            int gone = r.nextInt(N);
            assertThat(copy.remove(gone)).isEqualTo(original.remove(gone));
        }
        assertThat(copy.repairDeletions()).isEqualTo(original.repairDeletions());
        assertSameAnswers(original, copy, data);
    }

    /**
     * Quantized indexes store their exact vectors; loading re-encodes them with a calibration
     * fitted on the same first vectors, so without ordinal reuse the codes and answers are the
     * same.
     */
    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void aQuantizedIndexReencodesItsVectorsOnLoadAndAnswersAsBefore(Quantization quantization) {
        for (VectorMetric metric : new VectorMetric[]{VectorMetric.L2, VectorMetric.POINCARE}) {
            float[][] data = TestVectors.of(metric, N + 300, 8, 12);
            HnswIndex original = HnswIndex.build(IndexConfig.of(metric, 8).withEfConstruction(64).withQuantization(quantization),
                    IntStream.range(0, N).toArray(), Arrays.copyOf(data, N), 1);
            assertThat(original.space()).isInstanceOf(CodeScoringSpace.class);
            Path file = dir.resolve(metric + "-" + quantization + ".hnsw");
            HnswSnapshot.write(original, 5, file);
            HnswIndex copy = HnswSnapshot.read(file, original.config()).index();
            assertThat(copy.space()).isInstanceOfSatisfying(CodeScoringSpace.class,
                    q -> assertThat(q.calibrated()).isTrue());
            assertSameAnswers(original, copy, data);
        }
    }

    private static void assertSameAnswers(HnswIndex a, HnswIndex b, float[][] data) {
        RoaringBitmap some = RoaringBitmap.bitmapOf(IntStream.range(0, N).filter(i -> i % 3 == 0).toArray());
        for (int q = 0; q < 40; q++) {
            float[] query = data[data.length - 1 - q];
            assertThat(b.search(SearchRequest.of(query, K))).isEqualTo(a.search(SearchRequest.of(query, K)));
            SearchRequest filtered = new SearchRequest(query, K, 0, some);
            assertThat(b.search(filtered)).isEqualTo(a.search(filtered));
        }
    }

    @Test
    void snapshotsTakenWhileInsertsAndSearchesRunHoldOneConsistentState() throws Exception {
        int n = 3000;
        float[][] data = TestVectors.of(VectorMetric.COSINE, n, 8, 21);
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.COSINE, 8).withEfConstruction(32));
        AtomicInteger added = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < n; i++) {
                index.add(i, data[i]);
                if (i % 7 == 3) {
                    index.remove(i - 3);
                }
                added.set(i + 1);
            }
        });
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                index.search(SearchRequest.of(data[0], K));
            }
        });
        try {
            for (int round = 0; writer.isAlive() || round < 2; round++) {
                int before = added.get();
                Path file = dir.resolve("live-" + round + ".hnsw");
                HnswSnapshot.write(index, round, file);
                int after = added.get();
                HnswIndex copy = HnswSnapshot.read(file).index();
                // the writer counts an add (and the remove after it) once both are done: one may be in the copy uncounted
                assertThat(copy.size()).isBetween(before - before / 7 - 1, after + 1);
                for (int i = 0; i < before; i += 19) {
                    List<SearchHit> hits = copy.search(new SearchRequest(data[i], 1, 200, null));
                    if (i % 7 != 0) {
                        assertThat(hits).as("id %d of round %d", i, round).extracting(SearchHit::id).containsExactly(i);
                    } else if (i + 3 < before) {
                        assertThat(hits).as("removed id %d of round %d", i, round).extracting(SearchHit::id).doesNotContain(i);
                    }
                }
            }
        } finally {
            stop.set(true);
            writer.join();
            searcher.join();
        }
    }

    @Test
    void anEmptyIndexRoundTrips() {
        HnswIndex empty = new HnswIndex(IndexConfig.of(VectorMetric.COSINE, 3));
        Path file = dir.resolve("empty.hnsw");
        HnswSnapshot.write(empty, 0, file);
        HnswIndex copy = HnswSnapshot.read(file).index();
        assertThat(copy.size()).isZero();
        copy.add(5, new float[]{1, 0, 0});
        assertThat(copy.search(SearchRequest.of(new float[]{1, 1, 0}, 1))).extracting(SearchHit::id).containsExactly(5);
    }

    @Test
    void aSnapshotOfAnotherConfigurationIsRejectedNamingTheDifference() {
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, 4), new int[]{1}, new float[][]{{1, 2, 3, 4}}, 1);
        Path file = dir.resolve("l2.hnsw");
        HnswSnapshot.write(index, 0, file);

        assertThatThrownBy(() -> HnswSnapshot.read(file, IndexConfig.of(VectorMetric.L2, 4).withM(32)))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INCOMPATIBLE_FORMAT))
                .hasMessageContaining("m 16, configured 32");
        assertThatThrownBy(() -> HnswSnapshot.read(file, IndexConfig.of(VectorMetric.COSINE, 5)))
                .hasMessageContaining("metric l2, configured cosine").hasMessageContaining("dimension 4, configured 5");
        HnswIndex tuned = HnswSnapshot.read(file, IndexConfig.of(VectorMetric.L2, 4).withEfSearch(300)).index();
        assertThat(tuned.config().efSearch()).isEqualTo(300);
    }

    @Test
    void aSingleFlippedByteAnywhereIsDetected() throws IOException {
        float[][] data = TestVectors.of(VectorMetric.L2, 200, 4, 3);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, 4), IntStream.range(0, 200).toArray(), data, 1);
        Path file = dir.resolve("flip.hnsw");
        HnswSnapshot.write(index, 9, file);
        byte[] good = Files.readAllBytes(file);
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 30; trial++) {
            byte[] bad = good.clone();
            int at = trial < 4 ? trial * 9 : r.nextInt(bad.length);
            bad[at] ^= (byte) (1 << r.nextInt(8));
            Files.write(file, bad);
            assertThatThrownBy(() -> HnswSnapshot.read(file)).as("byte %d flipped", at)
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPTION))
                    .hasMessageContaining(file.toString());
        }
    }

    /** Version 1 stored Lorentz slots as the raw coordinates; version 2 stores them in polar form. */
    @ParameterizedTest
    @CsvSource({"1, POINCARE", "1, LORENTZ", "2, POINCARE", "2, LORENTZ"})
    void everyFixtureStillLoads(int version, VectorMetric metric) throws IOException {
        Path file = dir.resolve("fixture.hnsw");
        try (InputStream in = getClass().getResourceAsStream("/snapshots/" + FixtureWriter.fileName(version, metric))) {
            assertThat(in).as("fixture").isNotNull();
            Files.copy(in, file);
        }
        HnswSnapshot.Loaded loaded = HnswSnapshot.read(file);
        HnswIndex index = loaded.index();
        assertThat(loaded.sequence()).isEqualTo(FixtureWriter.SEQUENCE);
        assertThat(index.config()).isEqualTo(FixtureWriter.config(metric));
        assertThat(index.size()).isEqualTo(FixtureWriter.N - FixtureWriter.REMOVED.length);
        assertThat(index.retiredOrdinals()).hasSize(FixtureWriter.REMOVED.length);
        float[][] vectors = FixtureWriter.vectors(metric);
        for (int id = 0; id < FixtureWriter.N; id++) {
            int self = id;
            List<SearchHit> hits = index.search(new SearchRequest(vectors[id], 1, FixtureWriter.N, null));
            if (IntStream.of(FixtureWriter.REMOVED).anyMatch(r -> r == self)) {
                assertThat(hits).extracting(SearchHit::id).doesNotContain(id);
            } else {
                assertThat(hits).singleElement().satisfies(h -> {
                    assertThat(h.id()).isEqualTo(self);
                    assertThat(h.distance()).isLessThan(1e-3f);
                });
            }
        }
    }
}
