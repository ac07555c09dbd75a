package io.hyperspatial.core.positioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanningTreeTest {
    /** Node 4 has parents 2 (under 1) and 3: the tree keeps the parent that leaves the cheaper ancestors off. */
    private static final Hierarchy DIAMOND = Hierarchy.builder(5).edge(1, 0).edge(2, 1).edge(3, 0).edge(4, 2)
            .edge(4, 3).build();

    @Test
    void aNodeWithTwoParentsKeepsTheOneWhoseOffPathAncestorsCostLeast() {
        // keeping 3 leaves 2 and 1 off the path (cost[1] + cost[2]); keeping 2 leaves only 3 off (cost[3])
        assertThat(new SpanningTree(DIAMOND, new long[] {1, 1, 1, 5, 1}).parent[4]).isEqualTo(3);
        assertThat(new SpanningTree(DIAMOND, new long[] {1, 1, 1, 1, 1}).parent[4]).isEqualTo(2);
        assertThat(new SpanningTree(DIAMOND, new long[] {1, 2, 2, 5, 1}).parent[4]).isEqualTo(3);
    }

    @Test
    void radiusCostsCountTheNodesNoFartherFromTheOrigin() {
        assertThat(SpanningTree.radiusCosts(atRadii(3, 0, 7, 1))).containsExactly(3, 1, 4, 2);
    }

    @Test
    void nodesAtEqualRadiusCountEachOther() {
        assertThat(SpanningTree.radiusCosts(atRadii(3, 0, 3, 1, 3))).containsExactly(5, 1, 5, 2, 5);
    }

    private static PolarPoints atRadii(double... radii) {
        PolarPoints points = new PolarPoints(radii.length, 2);
        for (int i = 0; i < radii.length; i++) {
            points.rho[i] = radii[i];
            points.dir[2 * i] = 1;
        }
        points.refreshAll();
        return points;
    }

    @Test
    void depthCostsCountTheNodesNoDeeper() {
        assertThat(SpanningTree.depthCosts(DIAMOND)).containsExactly(1, 3, 4, 3, 5);
    }
}
