package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HierarchyTest {

    /** 0 is the root; 1, 2 under 0; 3 under 1 and 2 (two parents); 4 under 3; 5 a second root. */
    private static Hierarchy diamond() {
        return Hierarchy.builder(6).edge(1, 0).edge(2, 0).edge(3, 1).edge(3, 2).edge(4, 3).edge(4, 3).build();
    }

    @Test
    void parentsChildrenRootsAndDepth() {
        Hierarchy h = diamond();
        assertThat(h.size()).isEqualTo(6);
        assertThat(h.edgeCount()).as("the duplicate 4 -> 3 is kept once").isEqualTo(5);
        assertThat(h.parents(3)).containsExactly(1, 2);
        assertThat(h.children(0)).containsExactly(1, 2);
        assertThat(h.children(3)).containsExactly(4);
        assertThat(h.roots()).containsExactly(0, 5);
        assertThat(h.depth(0)).isZero();
        assertThat(h.depth(3)).isEqualTo(2);
        assertThat(h.depth(4)).isEqualTo(3);
        assertThat(h.depth(5)).isZero();
        int[] order = h.topologicalOrder();
        int[] position = new int[6];
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        for (int child = 0; child < 6; child++) {
            for (int parent : h.parents(child)) {
                assertThat(position[parent]).isLessThan(position[child]);
            }
        }
    }

    @Test
    void closureHoldsEveryAncestorOnce() {
        HierarchyClosure c = diamond().closure();
        assertThat(c.ancestors(4)).containsExactly(0, 1, 2, 3);
        assertThat(c.ancestors(3)).containsExactly(0, 1, 2);
        assertThat(c.ancestors(0)).isEmpty();
        assertThat(c.ancestors(5)).isEmpty();
        assertThat(c.pairCount()).isEqualTo(1 + 1 + 3 + 4);
        assertThat(c.nodesWithAncestors()).isEqualTo(4);
        assertThat(c.isAncestor(4, 2)).isTrue();
        assertThat(c.isAncestor(2, 4)).isFalse();
    }

    @Test
    void closureMatchesAWalkUpTheParentsOnRandomDags() {
        for (long seed = 1; seed <= 5; seed++) {
            Hierarchy h = TestHierarchies.randomDag(200, 0.3, seed);
            HierarchyClosure c = h.closure();
            long pairs = 0;
            for (int v = 0; v < h.size(); v++) {
                Set<Integer> seen = new HashSet<>();
                walkUp(h, v, seen);
                assertThat(Arrays.stream(c.ancestors(v)).boxed().toList()).containsExactlyInAnyOrderElementsOf(seen);
                pairs += seen.size();
            }
            assertThat(c.pairCount()).isEqualTo(pairs);
        }
    }

    private static void walkUp(Hierarchy h, int v, Set<Integer> seen) {
        for (int p : h.parents(v)) {
            if (seen.add(p)) {
                walkUp(h, p, seen);
            }
        }
    }

    @Test
    void aCycleIsRejectedNamingANodeOnIt() {
        Hierarchy.Builder b = Hierarchy.builder(5).edge(1, 0).edge(2, 1).edge(3, 2).edge(1, 3).edge(4, 3);
        assertThatThrownBy(b::build)
                .isInstanceOfSatisfying(ManifoldException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.field()).contains("edge");
                })
                .hasMessageMatching("the edges have a cycle through node [123]; a hierarchy must be acyclic");
    }

    @Test
    void selfLoopsAndUnknownNodesAreRejected() {
        assertThatThrownBy(() -> Hierarchy.builder(3).edge(1, 1))
                .isInstanceOf(ManifoldException.class).hasMessageContaining("self-loop");
        assertThatThrownBy(() -> Hierarchy.builder(3).edge(1, 3))
                .isInstanceOf(ManifoldException.class).hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> Hierarchy.builder(-1))
                .isInstanceOf(ManifoldException.class).hasMessageContaining("n >= 0");
    }
}
