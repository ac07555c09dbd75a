package io.hyperspatial.core.positioning;

import java.util.Arrays;

/**
 * A spanning forest of a {@link Hierarchy}, the skeleton of the cone construction: each node keeps
 * one parent. The construction ranks a node's ancestors on its tree path nearly perfectly, while an
 * ancestor off the path (reached only through another parent) ranks behind roughly every node that
 * lies nearer the origin than it does — a number that grows steeply with its depth. So a node with
 * several parents keeps the one whose tree path leaves out the cheapest ancestors, by a cost per
 * ancestor the caller gives (ties: the lowest parent index): {@link #depthCosts} (the number of
 * nodes at most as deep) before anything is placed, {@link #radiusCosts} (the number of nodes at
 * most as far from the origin) once a construction has measured the radii. Nodes are decided in
 * topological order, so the parents' paths are known.
 *
 * <p>Also gives each node its tree children, a preorder (a subtree is the contiguous preorder range
 * {@code [preIndex(v), preIndex(v) + subtreeSize(v))}), subtree sizes, and the weight that sizes
 * its cap: 1 + its descendants in the closure, which counts descendants reached through other
 * parents too. Immutable after construction.
 */
final class SpanningTree {
    final int[] parent;
    final int[] childStart;
    final int[] children;
    final int[] preorder;
    final int[] preIndex;
    final int[] subtreeSize;
    final int[] roots;
    /** 1 + the number of nodes having this node as an ancestor in the closure (≥ subtree size). */
    final int[] weight;

    SpanningTree(Hierarchy h) {
        this(h, depthCosts(h));
    }

    /** A spanning tree whose off-path ancestor a costs {@code ancestorCost[a]} (see the class comment). */
    SpanningTree(Hierarchy h, long[] ancestorCost) {
        int n = h.size();
        HierarchyClosure closure = h.closure();
        parent = new int[n];
        childStart = new int[n + 1];
        int[] stamp = new int[n];
        int mark = 0;
        for (int v : h.topologicalView()) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int k = h.parentStart(v); k < h.parentStart(v + 1); k++) {
                int p = h.parentAt(k);
                long cost = 0;
                if (h.parentStart(v + 1) - h.parentStart(v) > 1) {
                    mark++;
                    for (int a = p; a >= 0; a = parent[a]) {
                        stamp[a] = mark;
                    }
                    for (int j = 0; j < closure.ancestorCount(v); j++) {
                        int a = closure.ancestorAt(closure.rowStart(v) + j);
                        if (stamp[a] != mark) {
                            cost += ancestorCost[a];
                        }
                    }
                }
                if (cost < bestCost) {
                    bestCost = cost;
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
        weight = new int[n];
        Arrays.fill(weight, 1);
        for (int u = 0; u < n; u++) {
            for (int k = 0; k < closure.ancestorCount(u); k++) {
                weight[closure.ancestorAt(closure.rowStart(u) + k)]++;
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

    /** The default cost of an off-path ancestor: the number of nodes at most as deep as it. */
    static long[] depthCosts(Hierarchy h) {
        long[] shallower = nodesUpToDepth(h);
        long[] cost = new long[h.size()];
        for (int v = 0; v < cost.length; v++) {
            cost[v] = shallower[h.depth(v)];
        }
        return cost;
    }

    /**
     * The measured cost of an off-path ancestor after a first construction: the number of nodes at
     * most as far from the origin as it, which is about how many nodes a distant node finds nearer
     * than that ancestor.
     */
    static long[] radiusCosts(PolarPoints points) {
        Integer[] order = new Integer[points.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(points.rho[a], points.rho[b]));
        long[] cost = new long[points.size];
        for (int k = order.length - 1; k >= 0; k--) {
            // nodes at equal radius (siblings with equal caps) share the count of all of them
            boolean tiedWithNext = k + 1 < order.length && points.rho[order[k + 1]] == points.rho[order[k]];
            cost[order[k]] = tiedWithNext ? cost[order[k + 1]] : k + 1;
        }
        return cost;
    }

    /** shallower[k] = the number of nodes of depth at most k. */
    private static long[] nodesUpToDepth(Hierarchy h) {
        int max = 0;
        for (int v = 0; v < h.size(); v++) {
            max = Math.max(max, h.depth(v));
        }
        long[] count = new long[max + 1];
        for (int v = 0; v < h.size(); v++) {
            count[h.depth(v)]++;
        }
        for (int k = 1; k <= max; k++) {
            count[k] += count[k - 1];
        }
        return count;
    }

    int childCount(int v) {
        return childStart[v + 1] - childStart[v];
    }
}
