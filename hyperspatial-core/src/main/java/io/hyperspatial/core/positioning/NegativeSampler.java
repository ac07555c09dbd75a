package io.hyperspatial.core.positioning;

/**
 * Draws negatives for a node u: nodes that are neither u nor ancestors of u. A share of them
 * ({@link EmbeddingConfig#localNegatives()}) comes from near u in the spanning tree — a uniform node
 * of the subtree of u's tree parent, grandparent, … (each step up taken with probability ½), so
 * mostly u's siblings, cousins and descendants, the nodes the evaluation finds hardest to keep
 * behind u's ancestors; the rest is uniform over all nodes. Rejection sampling against the closure,
 * at most 16 tries, then −1. Stateless apart from its tables; thread-safe.
 */
final class NegativeSampler {
    private static final int TRIES = 16;

    private final HierarchyClosure closure;
    private final SpanningTree tree;
    private final double local;
    private final int n;

    NegativeSampler(HierarchyClosure closure, SpanningTree tree, double local) {
        this.closure = closure;
        this.tree = tree;
        this.local = local;
        this.n = tree.parent.length;
    }

    /** A negative for u, or −1 when none was found. */
    int sample(int u, SplitMix random) {
        for (int t = 0; t < TRIES; t++) {
            int x;
            int a = tree.parent[u];
            if (a >= 0 && random.nextDouble() < local) {
                while (tree.parent[a] >= 0 && random.nextDouble() < 0.5) {
                    a = tree.parent[a];
                }
                x = tree.preorder[tree.preIndex[a] + random.nextInt(tree.subtreeSize[a])];
            } else {
                x = random.nextInt(n);
            }
            if (x != u && !closure.isAncestor(u, x)) {
                return x;
            }
        }
        return -1;
    }

    /** SplitMix64: a tiny seeded generator, one per (epoch, pair), so draws do not depend on threads. */
    static final class SplitMix {
        private long state;

        void seed(long seed, long stream) {
            state = mix(seed ^ mix(stream + 0x9E3779B97F4A7C15L));
        }

        long nextLong() {
            state += 0x9E3779B97F4A7C15L;
            return mix(state);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        int nextInt(int bound) {
            return (int) (((nextLong() >>> 33) * bound) >>> 31);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
