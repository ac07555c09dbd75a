package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.L2Space;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The selection heuristic and its incremental form: offering one candidate to a selected list
 * ({@link NeighborSelector#offerCovered}) must give exactly what a full re-selection of list
 * and candidate gives, whenever it answers.
 */
class NeighborSelectorTest {
    private static final int POINTS = 80;
    private static final int MAX = 12;

    /** Points on a coarse grid in 3 dimensions, so ties in scores occur. */
    private static L2Space space(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        L2Space space = new L2Space(3);
        for (int i = 0; i < POINTS; i++) {
            float[] v = new float[3];
            for (int d = 0; d < 3; d++) {
                v[d] = random.nextInt(-6, 7);
            }
            space.add(v);
        }
        return space;
    }

    /** A full list for base 0: the selection over {@code candidates} of the other points. */
    private static int[] selected(NeighborSelector selector, L2Space space, int candidates, SplittableRandom random) {
        selector.clear();
        for (int node : random.ints(1, POINTS).distinct().limit(candidates).toArray()) {
            selector.add(node, space.score(0, node));
        }
        int[] list = new int[MAX];
        int count = selector.select(MAX, list);
        return Arrays.copyOf(list, count);
    }

    private static int[] fullSelection(NeighborSelector selector, L2Space space, int[] list, int candidate) {
        selector.clear();
        for (int node : list) {
            selector.add(node, space.score(0, node));
        }
        selector.add(candidate, space.score(0, candidate));
        int[] into = new int[MAX];
        return Arrays.copyOf(into, selector.select(MAX, into));
    }

    @Property(tries = 300)
    void anOfferedCandidateEndsWhereAFullReselectionPutsIt(@ForAll long seed, @ForAll boolean keepPruned) {
        L2Space space = space(seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        NeighborSelector selector = new NeighborSelector(space, keepPruned);
        int[] list = selected(selector, space, 40, random);
        int diverse = selector.diverseCount();
        int candidate = random.nextInt(1, POINTS);
        if (list.length < MAX || Arrays.stream(list).anyMatch(n -> n == candidate)) {
            return;
        }
        int[] offered = list.clone();
        int kept = selector.offerCovered(0, offered, offered.length, diverse, candidate, space.score(0, candidate));

        int[] expected = fullSelection(selector, space, list, candidate);
        if (kept < 0) {
            assertThat(offered).isEqualTo(list);
        } else {
            assertThat(Arrays.copyOf(offered, kept)).isEqualTo(expected);
            assertThat(selector.diverseCount()).isEqualTo(diverse);
        }
    }

    @Property(tries = 200)
    void theHeuristicKeepsItsOwnPicksWhenRunOverThePickedListAlone(@ForAll long seed) {
        L2Space space = space(seed);
        SplittableRandom random = new SplittableRandom(seed);
        NeighborSelector selector = new NeighborSelector(space, true);
        int[] list = selected(selector, space, 50, random);
        int diverse = selector.diverseCount();

        selector.clear();
        for (int node : list) {
            selector.add(node, space.score(0, node));
        }
        int[] again = new int[MAX];
        int count = selector.select(MAX, again);

        assertThat(Arrays.copyOf(again, count)).isEqualTo(list);
        assertThat(selector.diverseCount()).isEqualTo(diverse);
    }

    @Test
    void mostOffersAreAnsweredWithoutAFullReselection() {
        int answered = 0;
        int offers = 0;
        for (long seed = 0; seed < 200; seed++) {
            L2Space space = space(seed);
            SplittableRandom random = new SplittableRandom(seed);
            NeighborSelector selector = new NeighborSelector(space, true);
            int[] list = selected(selector, space, 40, random);
            int candidate = random.nextInt(1, POINTS);
            if (list.length < MAX || Arrays.stream(list).anyMatch(n -> n == candidate)) {
                continue;
            }
            offers++;
            if (selector.offerCovered(0, list, list.length, selector.diverseCount(), candidate, space.score(0, candidate)) >= 0) {
                answered++;
            }
        }
        assertThat(offers).isGreaterThan(100);
        assertThat(answered).isGreaterThan(offers / 2);
    }

    @Test
    void theGraphForgetsTheDiversePrefixWhenAListChangesOtherwise() {
        HnswGraph graph = new HnswGraph(2, 4);
        graph.addNode(0, 0);
        graph.setNeighbors(0, 0, new int[] {1, 2}, 2, 1);
        assertThat(graph.diversePrefix(0)).isEqualTo(1);

        graph.tryAppend(0, 0, 3);
        assertThat(graph.diversePrefix(0)).isZero();

        graph.setNeighbors(0, 0, new int[] {1, 2}, 2, 2);
        graph.setNeighbors(0, 0, new int[] {1, 2}, 2);
        assertThat(graph.diversePrefix(0)).isZero();

        graph.setNeighbors(0, 0, new int[] {1, 2}, 2, 2);
        graph.addNode(0, 0);
        assertThat(graph.diversePrefix(0)).isZero();
    }
}
