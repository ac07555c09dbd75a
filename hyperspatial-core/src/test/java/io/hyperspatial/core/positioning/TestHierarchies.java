package io.hyperspatial.core.positioning;

import java.util.SplittableRandom;

/** Small synthetic hierarchies for the positioning tests. */
final class TestHierarchies {
    private TestHierarchies() {
    }

    /** A complete tree: node 0 the root, every node with {@code branching} children, {@code n} nodes. */
    static Hierarchy balancedTree(int n, int branching) {
        Hierarchy.Builder b = Hierarchy.builder(n);
        for (int child = 1; child < n; child++) {
            b.edge(child, (child - 1) / branching);
        }
        return b.build();
    }

    /**
     * A random DAG: node i (i ≥ 1) gets a parent among the earlier nodes, and with probability
     * {@code extraParent} a second one, so parents always precede children.
     */
    static Hierarchy randomDag(int n, double extraParent, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Hierarchy.Builder b = Hierarchy.builder(n);
        for (int child = 1; child < n; child++) {
            int first = random.nextInt(child / 2, child);
            b.edge(child, first);
            if (child > 2 && random.nextDouble() < extraParent) {
                b.edge(child, random.nextInt(child));
            }
        }
        return b.build();
    }
}
