package io.hyperspatial.core.positioning;

import java.util.Arrays;

/**
 * A spanning forest of a {@link Hierarchy}: each node keeps one parent, the one with the most
 * ancestors (ties: the lowest index), so the tree path to the root covers as much of the node's
 * closure as one path can. Gives each node its tree children, a preorder (a subtree is the
 * contiguous preorder range {@code [preIndex(v), preIndex(v) + subtreeSize(v))}) and subtree sizes.
 * Immutable after construction.
 */
final class SpanningTree {
    final int[] parent;
    final int[] childStart;
    final int[] children;
    final int[] preorder;
    final int[] preIndex;
    final int[] subtreeSize;
    final int[] roots;

    SpanningTree(Hierarchy h) {
        int n = h.size();
        HierarchyClosure closure = h.closure();
        parent = new int[n];
        childStart = new int[n + 1];
        for (int v = 0; v < n; v++) {
            int best = -1;
            for (int k = h.parentStart(v); k < h.parentStart(v + 1); k++) {
                int p = h.parentAt(k);
                if (best < 0 || closure.ancestorCount(p) > closure.ancestorCount(best)) {
                    best = p;
                }
            }
            parent[v] = best;
            if (best >= 0) {
                childStart[best + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            childStart[v + 1] += childStart[v];
        }
        children = new int[childStart[n]];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int v = 0; v < n; v++) {
            if (parent[v] >= 0) {
                children[fill[parent[v]]++] = v;
            }
        }
        roots = h.roots();
        subtreeSize = new int[n];
        int[] order = h.topologicalView();
        Arrays.fill(subtreeSize, 1);
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            if (parent[v] >= 0) {
                subtreeSize[parent[v]] += subtreeSize[v];
            }
        }
        preorder = new int[n];
        preIndex = new int[n];
        int[] stack = new int[n];
        int top = 0;
        int at = 0;
        for (int r = roots.length - 1; r >= 0; r--) {
            stack[top++] = roots[r];
        }
        while (top > 0) {
            int v = stack[--top];
            preIndex[v] = at;
            preorder[at++] = v;
            for (int k = childStart[v + 1] - 1; k >= childStart[v]; k--) {
                stack[top++] = children[k];
            }
        }
    }

    int childCount(int v) {
        return childStart[v + 1] - childStart[v];
    }
}
