package io.hyperspatial.core.positioning;

import java.util.Arrays;

/**
 * The transitive closure of a {@link Hierarchy}: for every node, the sorted set of its ancestors
 * (parents, their parents, … up to the roots; never the node itself). The pairs (node, ancestor)
 * are what the reconstruction evaluation ranks and what the embedder learns from.
 *
 * <p>Compressed sparse rows: {@link #pairCount()} ints plus n + 1 offsets. Immutable and thread-safe.
 */
public final class HierarchyClosure {
    private final int[] start;
    private final int[] ancestors;

    private HierarchyClosure(int[] start, int[] ancestors) {
        this.start = start;
        this.ancestors = ancestors;
    }

    static HierarchyClosure of(Hierarchy h) {
        int n = h.size();
        int[][] rows = new int[n][];
        int[] stamp = new int[n];
        Arrays.fill(stamp, -1);
        int[] scratch = new int[Math.max(16, n)];
        long total = 0;
        for (int node : h.topologicalView()) {
            int size = 0;
            for (int k = h.parentStart(node); k < h.parentStart(node + 1); k++) {
                int parent = h.parentAt(k);
                if (stamp[parent] != node) {
                    stamp[parent] = node;
                    scratch[size++] = parent;
                }
                for (int a : rows[parent]) {
                    if (stamp[a] != node) {
                        stamp[a] = node;
                        scratch[size++] = a;
                    }
                }
            }
            int[] row = Arrays.copyOf(scratch, size);
            Arrays.sort(row);
            rows[node] = row;
            total += size;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the closure has " + total + " pairs, more than one array holds");
        }
        int[] start = new int[n + 1];
        int[] ancestors = new int[(int) total];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, ancestors, start[i], rows[i].length);
            start[i + 1] = start[i] + rows[i].length;
        }
        return new HierarchyClosure(start, ancestors);
    }

    /** The number of nodes. */
    public int size() {
        return start.length - 1;
    }

    /** The number of (node, ancestor) pairs. */
    public long pairCount() {
        return ancestors.length;
    }

    /** The ancestors of {@code node}, ascending (a copy). */
    public int[] ancestors(int node) {
        return Arrays.copyOfRange(ancestors, start[node], start[node + 1]);
    }

    /** The number of ancestors of {@code node}. */
    public int ancestorCount(int node) {
        return start[node + 1] - start[node];
    }

    /** Whether {@code candidate} is an ancestor of {@code node}, by binary search: O(log ancestors). */
    public boolean isAncestor(int node, int candidate) {
        return Arrays.binarySearch(ancestors, start[node], start[node + 1], candidate) >= 0;
    }

    /** The number of nodes that have at least one ancestor. */
    public int nodesWithAncestors() {
        int count = 0;
        for (int i = 0; i < size(); i++) {
            if (start[i + 1] > start[i]) {
                count++;
            }
        }
        return count;
    }

    int rowStart(int node) {
        return start[node];
    }

    int ancestorAt(int k) {
        return ancestors[k];
    }
}
