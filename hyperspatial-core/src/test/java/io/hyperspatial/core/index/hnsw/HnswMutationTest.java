package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Deletes, graph repair, ordinal reuse and replacing an id's vector. */
class HnswMutationTest {
    static final int N = 5000;
    static final int DIM = 16;
    static final int QUERIES = 100;
    static final int K = 10;

    @Test
    void deletingThirtyPercentHidesThemAtOnceAndRecallHoldsAfterRepair() {
        float[][] data = TestVectors.clustered(N + QUERIES, DIM, 32, 0.35, 41);
        float[][] base = Arrays.copyOf(data, N);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(100),
                IntStream.range(0, N).toArray(), base, 1);
        BitSet deleted = new BitSet(N);
        SplittableRandom r = new SplittableRandom(43);
        long entry = index.graph().entry();
        deleted.set(HnswGraph.entryNode(entry));
        while (deleted.cardinality() < N * 3 / 10) {
            deleted.set(r.nextInt(N));
        }
        int checkedMidway = 0;
        for (int id = deleted.nextSetBit(0); id >= 0; id = deleted.nextSetBit(id + 1)) {
            assertThat(index.remove(id)).isTrue();
            if (id % 97 == 0) {
                assertThat(index.search(SearchRequest.of(base[id], K))).extracting(SearchHit::id).doesNotContain(id);
                checkedMidway++;
            }
        }
        assertThat(checkedMidway).isPositive();
        assertThat(index.remove(deleted.nextSetBit(0))).isFalse();
        index.repairDeletions();

        assertThat(index.size()).isEqualTo(N - deleted.cardinality());
        assertThat(HnswGraph.entryNode(index.graph().entry())).isNotEqualTo(HnswGraph.entryNode(entry));
        double recall = 0;
        for (int q = N; q < N + QUERIES; q++) {
            List<SearchHit> hits = index.search(SearchRequest.of(data[q], K));
            assertThat(hits).hasSize(K).noneMatch(h -> deleted.get(h.id()));
            recall += ExactKnn.recall(hits, ExactKnn.nearest(VectorMetric.L2, base, data[q], K, i -> !deleted.get(i)));
        }
        assertThat(recall / QUERIES).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void repairedOrdinalsAreReusedSoReplacingVectorsDoesNotGrowMemory() {
        float[][] data = TestVectors.clustered(4 * N, DIM, 32, 0.35, 51);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(60),
                IntStream.range(0, 1000).toArray(), Arrays.copyOf(data, 1000), 1);
        for (int id = 0; id < 1000; id++) {
            index.add(id, data[1000 + id]);
        }
        int ordinalsAfterOneRound = index.ordinalCount();
        long bytesAfterOneRound = index.memoryBytes();
        for (int round = 2; round < 4; round++) {
            for (int id = 0; id < 1000; id++) {
                index.add(id, data[round * 1000 + id]);
            }
        }

        assertThat(index.size()).isEqualTo(1000);
        assertThat(ordinalsAfterOneRound).isLessThanOrEqualTo(1000 + HnswIndex.MIN_REPAIR_BATCH + 1000);
        assertThat(index.ordinalCount()).isEqualTo(ordinalsAfterOneRound);
        assertThat(index.memoryBytes()).isLessThanOrEqualTo(bytesAfterOneRound + bytesAfterOneRound / 20);
        float[] last = data[3 * 1000 + 123];
        assertThat(index.search(SearchRequest.of(last, 1)).getFirst().id()).isEqualTo(123);
    }

    @Test
    void deletedThenRepairedOrdinalsServeNewInserts() {
        float[][] data = TestVectors.clustered(3000, DIM, 16, 0.35, 61);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(60),
                IntStream.range(0, 2000).toArray(), Arrays.copyOf(data, 2000), 1);
        for (int id = 0; id < 1000; id++) {
            index.remove(id);
        }
        index.repairDeletions();
        int ordinals = index.ordinalCount();
        for (int i = 0; i < 1000; i++) {
            index.add(5000 + i, data[2000 + i]);
        }

        assertThat(index.ordinalCount()).isEqualTo(ordinals);
        assertThat(index.size()).isEqualTo(2000);
        double recall = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = data[2000 + q * 7];
            List<SearchHit> hits = index.search(SearchRequest.of(query, K));
            assertThat(hits.getFirst().id()).isEqualTo(5000 + q * 7);
            assertThat(hits.getFirst().distance()).isZero();
            assertThat(hits).noneMatch(h -> h.id() < 1000);
        }
    }

    @Test
    void addingAnExistingIdReplacesItsVector() {
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, 2), new int[] {1, 2, 3},
                new float[][] {{0, 0}, {10, 0}, {0, 10}}, 1);

        index.add(2, new float[] {-5, -5});

        assertThat(index.size()).isEqualTo(3);
        List<SearchHit> nearOld = index.search(SearchRequest.of(new float[] {10, 0}, 3));
        assertThat(nearOld).extracting(SearchHit::id).containsExactly(1, 3, 2);
        assertThat(nearOld.get(2).distance()).isCloseTo((float) Math.hypot(15, 5), within(1e-4f));
        assertThat(index.search(SearchRequest.of(new float[] {-5, -5}, 1)).getFirst()).isEqualTo(new SearchHit(2, 0f));
    }

    @Test
    void removingEverythingLeavesAnEmptyIndexThatAcceptsNewVectors() {
        float[][] data = TestVectors.clustered(300, 4, 4, 0.3, 71);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.COSINE, 4), IntStream.range(0, 200).toArray(),
                Arrays.copyOf(data, 200), 1);
        for (int id = 0; id < 200; id++) {
            index.remove(id);
        }
        index.repairDeletions();

        assertThat(index.size()).isZero();
        assertThat(index.graph().entry()).isEqualTo(HnswGraph.NO_ENTRY);
        assertThat(index.search(SearchRequest.of(data[0], 3))).isEmpty();

        for (int i = 200; i < 300; i++) {
            index.add(i, data[i]);
        }
        assertThat(index.search(SearchRequest.of(data[250], 1)).getFirst().id()).isEqualTo(250);
        assertThat(index.ordinalCount()).isEqualTo(200);
    }
}
