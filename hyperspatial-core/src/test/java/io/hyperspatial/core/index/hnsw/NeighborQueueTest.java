package io.hyperspatial.core.index.hnsw;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The packed-long heaps against sorting, including negative scores and ties. */
class NeighborQueueTest {

    record Pair(int node, float score) {
    }

    @Test
    void nearestFirstPopsInAscendingScoreThenOrdinal() {
        SplittableRandom r = new SplittableRandom(1);
        NeighborQueue q = new NeighborQueue(4, NeighborQueue.Order.NEAREST_FIRST);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            float score = (float) (r.nextInt(200) - 100) / 7f;
            pairs.add(new Pair(i, score));
            q.add(i, score);
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).thenComparingInt(Pair::node));

        for (Pair expected : pairs) {
            assertThat(q.topScore()).isEqualTo(expected.score());
            assertThat(q.pop()).isEqualTo(expected.node());
        }
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void boundedFarthestFirstKeepsTheNearestAndDrainsThemInOrder() {
        SplittableRandom r = new SplittableRandom(2);
        NeighborQueue q = new NeighborQueue(4, NeighborQueue.Order.FARTHEST_FIRST);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            float score = (float) r.nextDouble(-5, 5);
            pairs.add(new Pair(i, score));
            q.insertWithOverflow(i, score, 20);
            assertThat(q.size()).isLessThanOrEqualTo(20);
        }
        pairs.sort(Comparator.comparingDouble(Pair::score));
        int excluded = pairs.get(3).node();
        int[] nodes = new int[20];
        float[] scores = new float[20];

        assertThat(q.topScore()).isEqualTo(pairs.get(19).score());
        int n = q.drainNearestFirst(nodes, scores, excluded);

        assertThat(n).isEqualTo(19);
        List<Integer> expected = pairs.subList(0, 20).stream().map(Pair::node).filter(v -> v != excluded).toList();
        for (int i = 0; i < n; i++) {
            assertThat(nodes[i]).isEqualTo(expected.get(i));
        }
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void extremeScoresKeepTheirOrder() {
        NeighborQueue q = new NeighborQueue(2, NeighborQueue.Order.NEAREST_FIRST);
        float[] scores = {Float.POSITIVE_INFINITY, -0f, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f, -1e-30f, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < scores.length; i++) {
            q.add(i, scores[i]);
        }
        int[] order = new int[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = q.pop();
        }
        assertThat(order).containsExactly(6, 3, 5, 1, 4, 2, 0);
    }
}
