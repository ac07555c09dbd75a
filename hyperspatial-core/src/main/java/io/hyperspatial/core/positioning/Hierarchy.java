package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;

import java.util.Arrays;

/**
 * A hierarchy of {@code n} nodes numbered 0..n−1 whose direct edges run child → parent and form a
 * directed acyclic graph: a node may have several parents (WordNet's noun hierarchy has about 2% of
 * such nodes), and several roots (nodes without parents). Built by {@link #builder(int)}, which
 * rejects cycles, self-loops and out-of-range nodes; duplicate edges are kept once.
 *
 * <p>Storage is compressed sparse rows in both directions (parents and children), sorted per node,
 * plus a topological order (every parent before its children). {@link #depth(int)} is the length of
 * the longest path from the node up to a root, so a root has depth 0. {@link #closure()} computes
 * the transitive closure once and caches it.
 *
 * <p>Immutable after construction and thread-safe ({@link #closure()} may be computed twice by
 * racing threads, with equal results).
 */
public final class Hierarchy {
    private final int n;
    private final int[] parentStart;
    private final int[] parentList;
    private final int[] childStart;
    private final int[] childList;
    private final int[] topological;
    private final int[] depth;
    private final int[] roots;
    private volatile HierarchyClosure closure;

    private Hierarchy(int n, int[] parentStart, int[] parentList, int[] topological) {
        this.n = n;
        this.parentStart = parentStart;
        this.parentList = parentList;
        this.topological = topological;
        this.childStart = new int[n + 1];
        for (int p : parentList) {
            childStart[p + 1]++;
        }
        for (int i = 0; i < n; i++) {
            childStart[i + 1] += childStart[i];
        }
        this.childList = new int[parentList.length];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int child = 0; child < n; child++) {
            for (int k = parentStart[child]; k < parentStart[child + 1]; k++) {
                childList[fill[parentList[k]]++] = child;
            }
        }
        this.depth = new int[n];
        int rootCount = 0;
        for (int node : topological) {
            int d = 0;
            for (int k = parentStart[node]; k < parentStart[node + 1]; k++) {
                d = Math.max(d, depth[parentList[k]] + 1);
            }
            depth[node] = d;
            if (parentStart[node] == parentStart[node + 1]) {
                rootCount++;
            }
        }
        this.roots = new int[rootCount];
        for (int i = 0, r = 0; i < n; i++) {
            if (parentStart[i] == parentStart[i + 1]) {
                roots[r++] = i;
            }
        }
    }

    /** A builder for a hierarchy of {@code n} nodes, n ≥ 0. */
    public static Builder builder(int n) {
        if (n < 0) {
            throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "n", "a hierarchy needs n >= 0 nodes, got " + n, null);
        }
        return new Builder(n);
    }

    /** The number of nodes. */
    public int size() {
        return n;
    }

    /** The number of direct (child → parent) edges. */
    public int edgeCount() {
        return parentList.length;
    }

    /** The direct parents of {@code node}, ascending (a copy). */
    public int[] parents(int node) {
        check(node);
        return Arrays.copyOfRange(parentList, parentStart[node], parentStart[node + 1]);
    }

    /** The number of direct parents of {@code node}. */
    public int parentCount(int node) {
        check(node);
        return parentStart[node + 1] - parentStart[node];
    }

    /** The direct children of {@code node}, ascending (a copy). */
    public int[] children(int node) {
        check(node);
        return Arrays.copyOfRange(childList, childStart[node], childStart[node + 1]);
    }

    /** The number of direct children of {@code node}. */
    public int childCount(int node) {
        check(node);
        return childStart[node + 1] - childStart[node];
    }

    /** The nodes without parents, ascending (a copy). */
    public int[] roots() {
        return roots.clone();
    }

    /** The length of the longest path from {@code node} up to a root (0 for a root). */
    public int depth(int node) {
        check(node);
        return depth[node];
    }

    /** All nodes, every parent before its children (a copy). */
    public int[] topologicalOrder() {
        return topological.clone();
    }

    /** The transitive closure: every node's ancestors. Computed on first call, O(pairs) memory. */
    public HierarchyClosure closure() {
        HierarchyClosure c = closure;
        if (c == null) {
            c = HierarchyClosure.of(this);
            closure = c;
        }
        return c;
    }

    int parentStart(int node) {
        return parentStart[node];
    }

    int parentAt(int k) {
        return parentList[k];
    }

    int childStart(int node) {
        return childStart[node];
    }

    int childAt(int k) {
        return childList[k];
    }

    int[] topologicalView() {
        return topological;
    }

    private void check(int node) {
        if (node < 0 || node >= n) {
            throw new IndexOutOfBoundsException("node " + node + " is not in 0.." + (n - 1));
        }
    }

    /**
     * Collects edges, then checks and freezes them in {@link #build()}. Not thread-safe; one use.
     */
    public static final class Builder {
        private final int n;
        private long[] edges = new long[16];
        private int count;

        private Builder(int n) {
            this.n = n;
        }

        /** Adds the direct edge child → parent. */
        public Builder edge(int child, int parent) {
            if (child < 0 || child >= n || parent < 0 || parent >= n) {
                throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "edge",
                        "edge " + child + " -> " + parent + " names a node outside 0.." + (n - 1), null);
            }
            if (child == parent) {
                throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "edge",
                        "edge " + child + " -> " + parent + " is a self-loop; a hierarchy is acyclic", null);
            }
            if (count == edges.length) {
                edges = Arrays.copyOf(edges, count * 2);
            }
            edges[count++] = ((long) child << 32) | parent;
            return this;
        }

        /**
         * The hierarchy. Throws {@link ManifoldException} ({@code invalid_argument}, field
         * {@code edge}) naming a node on a cycle if the edges have one.
         */
        public Hierarchy build() {
            long[] sorted = Arrays.copyOf(edges, count);
            Arrays.sort(sorted);
            int unique = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[unique++] = sorted[i];
                }
            }
            int[] parentStart = new int[n + 1];
            int[] parentList = new int[unique];
            for (int i = 0; i < unique; i++) {
                parentStart[(int) (sorted[i] >>> 32) + 1]++;
                parentList[i] = (int) sorted[i];
            }
            for (int i = 0; i < n; i++) {
                parentStart[i + 1] += parentStart[i];
            }
            return new Hierarchy(n, parentStart, parentList, topologicalOrder(n, parentStart, parentList));
        }

        private static int[] topologicalOrder(int n, int[] parentStart, int[] parentList) {
            int[] pending = new int[n];
            int[] childCount = new int[n + 1];
            for (int child = 0; child < n; child++) {
                pending[child] = parentStart[child + 1] - parentStart[child];
                for (int k = parentStart[child]; k < parentStart[child + 1]; k++) {
                    childCount[parentList[k] + 1]++;
                }
            }
            for (int i = 0; i < n; i++) {
                childCount[i + 1] += childCount[i];
            }
            int[] children = new int[parentList.length];
            int[] fill = Arrays.copyOf(childCount, n);
            for (int child = 0; child < n; child++) {
                for (int k = parentStart[child]; k < parentStart[child + 1]; k++) {
                    children[fill[parentList[k]]++] = child;
                }
            }
            int[] order = new int[n];
            int head = 0;
            int tail = 0;
            for (int i = 0; i < n; i++) {
                if (pending[i] == 0) {
                    order[tail++] = i;
                }
            }
            while (head < tail) {
                int node = order[head++];
                for (int k = childCount[node]; k < childCount[node + 1]; k++) {
                    if (--pending[children[k]] == 0) {
                        order[tail++] = children[k];
                    }
                }
            }
            if (tail < n) {
                int onCycle = nodeOnCycle(n, pending, parentStart, parentList);
                throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "edge", "the edges have a cycle through node "
                        + onCycle + "; a hierarchy must be acyclic", null);
            }
            return order;
        }

        /** Every unordered node has an unordered parent; following them must revisit a node, which lies on a cycle. */
        private static int nodeOnCycle(int n, int[] pending, int[] parentStart, int[] parentList) {
            int node = 0;
            while (pending[node] == 0) {
                node++;
            }
            boolean[] seen = new boolean[n];
            while (!seen[node]) {
                seen[node] = true;
                int next = -1;
                for (int k = parentStart[node]; k < parentStart[node + 1] && next < 0; k++) {
                    if (pending[parentList[k]] > 0) {
                        next = parentList[k];
                    }
                }
                node = next;
            }
            return node;
        }
    }
}
