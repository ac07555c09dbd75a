package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.score.CodeScoringSpace;
import io.hyperspatial.core.index.score.MappedFloatSpace;
import io.hyperspatial.core.index.score.QuantizedScoringSpace;
import io.hyperspatial.core.index.score.QuantizedSpaces;
import io.hyperspatial.core.index.score.ScoringSpaces;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roaringbitmap.RoaringBitmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Quantized indexes keep their full-precision vectors in a mapped file, not on the heap: they
 * answer exactly as the same index with heap vectors, survive deletes, snapshots and restarts,
 * take inserts while searching, and report heap and mapped bytes separately.
 */
class HnswMappedVectorsTest {
    static final int N = 2000;
    static final int DIM = 16;
    static final int K = 10;

    @TempDir
    Path dir;

    private HnswOptions options() {
        return HnswOptions.DEFAULT.withVectorDirectory(dir);
    }

    private static IndexConfig config(VectorMetric metric, Quantization quantization) {
        return IndexConfig.of(metric, DIM).withEfConstruction(64).withQuantization(quantization);
    }

    /** The same index with its exact vectors on the heap, as quantized indexes were before. */
    private static HnswIndex withHeapVectors(IndexConfig config) {
        return new HnswIndex(config, HnswOptions.DEFAULT, QuantizedSpaces.wrap(ScoringSpaces.create(config), config));
    }

    private static float[][] base(float[][] data) {
        return Arrays.copyOf(data, N);
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void answersExactlyAsTheIndexWithHeapVectorsAndAsWellAsBruteForce(Quantization quantization) {
        for (VectorMetric metric : new VectorMetric[]{VectorMetric.L2, VectorMetric.POINCARE}) {
            float[][] data = TestVectors.of(metric, N + 40, DIM, 23 + metric.ordinal());
            IndexConfig config = config(metric, quantization);
            int[] ids = IntStream.range(0, N).toArray();
            try (HnswIndex mapped = new HnswIndex(config, options()); HnswIndex heap = withHeapVectors(config)) {
                mapped.addAll(ids, base(data), 1);
                heap.addAll(ids, base(data), 1);
                assertThat(((QuantizedScoringSpace) mapped.space()).exact()).isInstanceOf(MappedFloatSpace.class);
                RoaringBitmap some = RoaringBitmap.bitmapOf(IntStream.range(0, N).filter(i -> i % 7 == 0).toArray());
                double recall = 0;
                for (int q = N; q < data.length; q++) {
                    List<SearchHit> hits = mapped.search(SearchRequest.of(data[q], K));
                    assertThat(hits).as("%s %s query %d", metric, quantization, q)
                            .isEqualTo(heap.search(SearchRequest.of(data[q], K)));
                    SearchRequest filtered = new SearchRequest(data[q], K, 0, some);
                    assertThat(mapped.search(filtered)).isEqualTo(heap.search(filtered));
                    recall += ExactKnn.recall(hits, ExactKnn.nearest(metric, base(data), data[q], K, i -> true));
                }
                assertThat(recall / 40).as("%s %s recall@10", metric, quantization).isGreaterThanOrEqualTo(0.85);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "BINARY"})
    void heapBytesHoldCodesOnlyAndMappedBytesTheVectors(Quantization quantization) {
        VectorMetric metric = VectorMetric.L2;
        float[][] data = TestVectors.of(metric, N, DIM, 3);
        IndexConfig config = config(metric, quantization);
        int[] ids = IntStream.range(0, N).toArray();
        long vectorBytes = (long) N * DIM * Float.BYTES;
        try (HnswIndex mapped = new HnswIndex(config, options()); HnswIndex heap = withHeapVectors(config);
             HnswIndex plain = new HnswIndex(config.withQuantization(Quantization.NONE), options())) {
            mapped.addAll(ids, data, 1);
            heap.addAll(ids, data, 1);
            plain.addAll(ids, data, 1);
            assertThat(heap.memoryBytes() - mapped.memoryBytes()).isEqualTo(vectorBytes);
            assertThat(mapped.space().bytesPerVector())
                    .isEqualTo(((CodeScoringSpace<?>) mapped.space()).codeBytesPerVector());
            assertThat(mapped.mappedBytes()).isGreaterThanOrEqualTo(vectorBytes)
                    .isLessThan(vectorBytes + 4096L * DIM * Float.BYTES);
            assertThat(heap.mappedBytes()).isZero();
            assertThat(plain.mappedBytes()).isZero();
            assertThat(plain.memoryBytes()).isGreaterThan(mapped.memoryBytes() + vectorBytes / 2);
        }
    }

    @Test
    void snapshotOfAMappedIndexAfterDeletesRestoresWithoutTheOriginal() throws IOException {
        VectorMetric metric = VectorMetric.POINCARE;
        float[][] data = TestVectors.of(metric, N + 240, DIM, 41);
        IndexConfig config = config(metric, Quantization.INT8);
        Path file = dir.resolve("snapshots").resolve("points.hnsw");
        Files.createDirectories(file.getParent());
        List<List<SearchHit>> before = new ArrayList<>();
        HnswIndex original = new HnswIndex(config, options());
        original.addAll(IntStream.range(0, N).toArray(), base(data), 1);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            original.remove(random.nextInt(N));
        }
        original.repairDeletions();
        for (int i = 0; i < 200; i++) {
            original.add(random.nextInt(N), data[N + i]);
        }
        HnswSnapshot.write(original, 11, file);
        // Searched after the write, which first links in any node the graph had cut off.
        for (int q = N + 200; q < data.length; q++) {
            before.add(original.search(SearchRequest.of(data[q], K)));
        }
        original.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no vector file left after close").containsExactly(file.getParent());
        }

        HnswSnapshot.Loaded loaded = HnswSnapshot.read(file, config);
        try (HnswIndex copy = loaded.index()) {
            assertThat(loaded.sequence()).isEqualTo(11);
            assertThat(copy.mappedBytes()).isGreaterThanOrEqualTo((long) N * (DIM + 1) * Float.BYTES);
            for (int q = N + 200; q < data.length; q++) {
                assertThat(copy.search(SearchRequest.of(data[q], K))).isEqualTo(before.get(q - N - 200));
            }
            copy.add(N + 5, data[0]);
            SearchRequest added = new SearchRequest(data[0], 1, 0, RoaringBitmap.bitmapOf(N + 5));
            assertThat(copy.search(added)).singleElement().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo(N + 5);
                assertThat(hit.distance()).isZero();
            });
        }
    }

    @Test
    void insertsWhileSearchingStayConsistentAndFindTheirNeighbours() throws Exception {
        VectorMetric metric = VectorMetric.L2;
        float[][] data = TestVectors.of(metric, N + 30, DIM, 57);
        AtomicBoolean inserting = new AtomicBoolean(true);
        try (HnswIndex index = new HnswIndex(config(metric, Quantization.INT8), options());
             ExecutorService pool = Executors.newFixedThreadPool(3)) {
            Future<?> first = pool.submit(() -> {
                for (int i = 0; i < N; i += 2) {
                    index.add(i, data[i]);
                }
            });
            Future<?> second = pool.submit(() -> {
                for (int i = 1; i < N; i += 2) {
                    index.add(i, data[i]);
                }
            });
            Future<Integer> searches = pool.submit(() -> {
                int done = 0;
                SplittableRandom random = new SplittableRandom(1);
                while (inserting.get() || done < 50) {
                    float[] query = data[N + random.nextInt(30)];
                    for (SearchHit hit : index.search(SearchRequest.of(query, K))) {
                        double exact = ExactKnn.distance(metric, query, data[hit.id()]);
                        assertThat((double) hit.distance()).isCloseTo(exact, within(1e-3 * Math.max(1, exact)));
                    }
                    done++;
                }
                return done;
            });
            first.get();
            second.get();
            inserting.set(false);
            assertThat(searches.get()).isGreaterThanOrEqualTo(50);
            assertThat(index.size()).isEqualTo(N);
            double recall = 0;
            for (int q = N; q < data.length; q++) {
                recall += ExactKnn.recall(index.search(SearchRequest.of(data[q], K)),
                        ExactKnn.nearest(metric, base(data), data[q], K, i -> true));
            }
            assertThat(recall / 30).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void closingReleasesTheFileAndLaterSearchesFail() throws IOException {
        float[][] data = TestVectors.of(VectorMetric.COSINE, 1200, DIM, 2);
        HnswIndex index = new HnswIndex(config(VectorMetric.COSINE, Quantization.INT8), options());
        index.addAll(IntStream.range(0, data.length).toArray(), data, 1);
        index.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> index.search(SearchRequest.of(data[0], K))).isInstanceOf(IllegalStateException.class);
    }
}
