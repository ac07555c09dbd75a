package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Inserts, deletes and searches from several threads at once. */
class HnswConcurrencyTest {
    static final int N = 6000;
    static final int DIM = 16;
    static final int K = 10;

    @Test
    void fourInsertersAndTwoSearchersThenRecallHolds() throws Exception {
        float[][] data = TestVectors.clustered(N + 100, DIM, 32, 0.35, 81);
        float[][] base = Arrays.copyOf(data, N);
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(100));
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean inserting = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> inserters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                inserters.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < N; i = next.getAndIncrement()) {
                        index.add(i, base[i]);
                    }
                }));
            }
            List<Future<?>> searchers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t;
                searchers.add(pool.submit(() -> {
                    for (int q = offset; inserting.get(); q = (q + 2) % 100) {
                        List<SearchHit> hits = index.search(SearchRequest.of(data[N + q], K));
                        assertThat(hits.size()).isLessThanOrEqualTo(K);
                        assertThat(hits).allMatch(h -> h.id() >= 0 && h.id() < N);
                        assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(a.distance(), b.distance()));
                        searches.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : inserters) {
                f.get(60, TimeUnit.SECONDS);
            }
            inserting.set(false);
            for (Future<?> f : searchers) {
                f.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(searches.get()).isPositive();
        assertThat(index.size()).isEqualTo(N);
        assertThat(recall(index, data, base, i -> true)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void replacingAndRemovingWhileSearchingNeverReturnsARemovedId() throws Exception {
        float[][] data = TestVectors.clustered(2 * N, DIM, 32, 0.35, 83);
        float[][] base = Arrays.copyOf(data, N);
        HnswIndex index = HnswIndex.build(IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(60),
                IntStream.range(0, N).toArray(), base, 2);
        int removedFrom = N / 2;
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            Future<?> remover = pool.submit(() -> {
                for (int id = removedFrom; id < N; id++) {
                    index.remove(id);
                }
            });
            Future<?> replacer = pool.submit(() -> {
                for (int id = 0; id < removedFrom; id++) {
                    index.add(id, data[N + id]);
                }
            });
            Future<?> searcher = pool.submit(() -> {
                while (writing.get()) {
                    for (int q = 0; q < 50; q++) {
                        for (SearchHit hit : index.search(SearchRequest.of(data[q * 97], K))) {
                            assertThat(hit.id()).isBetween(0, N - 1);
                        }
                    }
                }
            });
            remover.get(60, TimeUnit.SECONDS);
            replacer.get(60, TimeUnit.SECONDS);
            writing.set(false);
            searcher.get(60, TimeUnit.SECONDS);
        }
        index.repairDeletions();

        assertThat(index.size()).isEqualTo(removedFrom);
        float[][] current = Arrays.copyOfRange(data, N, N + removedFrom);
        double recall = 0;
        for (int q = 0; q < 100; q++) {
            float[] query = data[q * 59];
            List<SearchHit> hits = index.search(SearchRequest.of(query, K));
            assertThat(hits).hasSize(K).allMatch(h -> h.id() < removedFrom);
            recall += ExactKnn.recall(hits, ExactKnn.nearest(VectorMetric.L2, current, query, K, i -> true));
        }
        assertThat(recall / 100).isGreaterThanOrEqualTo(0.95);
    }

    private static double recall(HnswIndex index, float[][] data, float[][] base, java.util.function.IntPredicate live) {
        double sum = 0;
        for (int q = N; q < N + 100; q++) {
            sum += ExactKnn.recall(index.search(SearchRequest.of(data[q], K)), ExactKnn.nearest(VectorMetric.L2, base, data[q], K, live));
        }
        return sum / 100;
    }

    /**
     * Two threads insert 200 points, two hundred times over. Nearly every node's level-0 list must
     * hold one of its ten true nearest, and nearly every point must be its own nearest at ef 100
     * straight after the inserts; after the connectivity pass (which the database runs as its
     * indexer settles) every point must be. Before inserts published their lists bottom-up, an
     * insert could descend onto a node still being linked, whose level-0 list was empty, and link
     * only to it: about one build in fifteen left such a node, and some left a pocket of late
     * inserts no search could enter.
     */
    @Test
    void concurrentInsertsNeverLinkANodeOnlyToNodesStillBeingLinked() throws Exception {
        int n = 200;
        int dim = 8;
        int poorlyLinked = 0;
        int misses = 0;
        int missesAfterPass = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int build = 0; build < 200; build++) {
                float[][] data = gaussian(n, dim, 1000 + build);
                HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.L2, dim).withM(8));
                AtomicInteger next = new AtomicInteger();
                Runnable inserter = () -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        index.add(i, data[i]);
                    }
                };
                Future<?> a = pool.submit(inserter);
                Future<?> b = pool.submit(inserter);
                a.get(60, TimeUnit.SECONDS);
                b.get(60, TimeUnit.SECONDS);
                int[] list = new int[index.graph().maxConnections(0)];
                for (int i = 0; i < n; i++) {
                    int count = index.graph().neighbors(index.ids().ordinal(i), 0, list);
                    List<Integer> linked = new ArrayList<>();
                    for (int j = 0; j < count; j++) {
                        linked.add(index.ids().id(list[j]));
                    }
                    int[] nearest = ExactKnn.nearest(VectorMetric.L2, data, data[i], 11, id -> true);
                    if (Arrays.stream(nearest, 1, 11).noneMatch(linked::contains)) {
                        poorlyLinked++;
                    }
                }
                int buildMisses = selfMisses(index, data);
                misses += buildMisses;
                if (buildMisses > 0) {
                    index.connectUnreachable();
                    missesAfterPass += selfMisses(index, data);
                }
            }
        }
        // Two inserts of close points running at once may each miss the other, as in any concurrent
        // HNSW: under load about one node in 40,000 ends up linked to none of its ten nearest, but
        // still reachable. The old top-down publishing left about 6 here, and pockets (misses).
        assertThat(poorlyLinked).as("nodes linked to none of their 10 nearest").isLessThanOrEqualTo(3);
        // Between passes a later insert's re-selection can still drop the last link to a node:
        // seen once in 15 runs of these 40,000 inserts (one point), where the old bug left pockets.
        assertThat(misses).as("points not their own nearest at ef 100").isLessThanOrEqualTo(2);
        assertThat(missesAfterPass).as("points not their own nearest after the connectivity pass").isZero();
    }

    /** How many of the points are not their own nearest at ef 100. */
    private static int selfMisses(HnswIndex index, float[][] data) {
        int misses = 0;
        for (int i = 0; i < data.length; i++) {
            if (index.search(new SearchRequest(data[i], 1, 100, null)).getFirst().id() != i) {
                misses++;
            }
        }
        return misses;
    }

    private static float[][] gaussian(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] v = new float[n][dim];
        for (float[] row : v) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) TestVectors.gaussian(random);
            }
        }
        return v;
    }
}
