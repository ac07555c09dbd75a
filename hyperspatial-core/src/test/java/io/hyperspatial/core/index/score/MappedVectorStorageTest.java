package io.hyperspatial.core.index.score;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slots in a mapped file behave like heap slots, and the space over them scores like the heap space. */
class MappedVectorStorageTest {
    @TempDir
    Path dir;

    @Test
    void slotsSurviveChunkGrowthSetsAndBulkCopies() {
        int stride = 3;
        int n = MappedVectorStorage.CHUNK_SLOTS + 77;
        SplittableRandom random = new SplittableRandom(5);
        List<float[]> model = new ArrayList<>();
        try (MappedVectorStorage mapped = new MappedVectorStorage(dir, stride)) {
            for (int i = 0; i < n; i++) {
                float[] slot = randomSlot(random, stride);
                model.add(slot);
                assertThat(mapped.add(slot)).isEqualTo(i);
            }
            for (int i = 0; i < 500; i++) {
                int ordinal = random.nextInt(n);
                float[] slot = randomSlot(random, stride);
                model.set(ordinal, slot);
                mapped.set(ordinal, slot);
            }
            for (int i = 0; i < n; i++) {
                assertThat(mapped.copy(i)).as("slot %d", i).containsExactly(model.get(i));
            }
            assertThat(mapped.mappedBytes()).isEqualTo(2L * MappedVectorStorage.CHUNK_SLOTS * stride * Float.BYTES);
            assertThat(mapped.heapBytes()).isLessThan(100);

            List<Float> written = new ArrayList<>();
            mapped.readSlots(n, (floats, offset, length) -> {
                for (int i = 0; i < length; i++) {
                    written.add(floats[offset + i]);
                }
            });
            assertThat(written).hasSize(n * stride);
            try (MappedVectorStorage restored = new MappedVectorStorage(dir, stride)) {
                int[] next = {0};
                restored.appendSlots(n, (floats, offset, length) -> {
                    for (int i = 0; i < length; i++) {
                        floats[offset + i] = written.get(next[0]++);
                    }
                });
                assertThat(restored.size()).isEqualTo(n);
                for (int i = 0; i < n; i += 97) {
                    assertThat(restored.copy(i)).containsExactly(model.get(i));
                }
            }
        }
    }

    @Test
    void closeUnmapsAndLeavesNoFile() throws IOException {
        MappedVectorStorage mapped = new MappedVectorStorage(dir, 4);
        mapped.add(new float[]{1, 2, 3, 4});
        mapped.close();
        mapped.close();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThat(mapped.mappedBytes()).isZero();
        assertThatThrownBy(() -> mapped.add(new float[]{1, 2, 3, 4})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsSlotsOfTheWrongLength() {
        try (MappedVectorStorage mapped = new MappedVectorStorage(dir, 4)) {
            assertThatThrownBy(() -> mapped.add(new float[3])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mapped.copy(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    /** Bit-identical scores, vectors and distances: rerank over mapped vectors changes nothing. */
    @ParameterizedTest
    @EnumSource(VectorMetric.class)
    void mappedSpaceScoresExactlyAsTheHeapSpace(VectorMetric metric) {
        int dim = 8;
        IndexConfig config = IndexConfig.of(metric, dim);
        float[][] vectors = new QuantizedTestData(metric, dim, 1.0, 17 + metric.ordinal()).points(300);
        FloatScoringSpace heap = ScoringSpaces.create(config);
        try (MappedFloatSpace mapped = MappedFloatSpace.create(config, dir)) {
            for (float[] v : vectors) {
                heap.add(v);
                mapped.add(v);
            }
            mapped.set(7, vectors[9]);
            heap.set(7, vectors[9]);
            NodeScorer fromHeap = heap.scorer(vectors[0]);
            NodeScorer fromMap = mapped.scorer(vectors[0]);
            NodeScorer nodeHeap = heap.scorer(3);
            NodeScorer nodeMap = mapped.scorer(3);
            for (int i = 0; i < vectors.length; i++) {
                assertThat(fromMap.score(i)).as("%s query score %d", metric, i).isEqualTo(fromHeap.score(i));
                assertThat(nodeMap.score(i)).as("%s node score %d", metric, i).isEqualTo(nodeHeap.score(i));
                assertThat(mapped.vector(i)).containsExactly(heap.vector(i));
            }
            assertThat(mapped.distance(0.25f)).isEqualTo(heap.distance(0.25f));
            assertThat(mapped.bytesPerVector()).isZero();
            assertThat(mapped.mappedBytes()).isGreaterThanOrEqualTo(heap.bytesPerVector() * vectors.length);
        }
    }

    private static float[] randomSlot(SplittableRandom random, int stride) {
        float[] slot = new float[stride];
        for (int i = 0; i < stride; i++) {
            slot[i] = (float) random.nextGaussian();
        }
        return slot;
    }
}
