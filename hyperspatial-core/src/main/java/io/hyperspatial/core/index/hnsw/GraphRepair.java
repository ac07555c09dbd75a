package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.ScoringSpace;

import java.util.BitSet;

/**
 * Removes a batch of deleted nodes from an {@link HnswGraph} and mends the holes they leave.
 * Every surviving node that linked to a removed one re-selects that level's list, with the
 * insert heuristic, from candidates in widening circles until there are enough: its surviving
 * neighbours plus the neighbours of its removed ones (the FreshDiskANN rule jvector's cleanup
 * uses; hnswlib's update repair looks in the same place), then its two-hop neighbourhood, and
 * as a last resort a graph search for the node as an insert would run. All candidates go to
 * the heuristic, not only the nearest: the far ones, inherited from a removed node's long links,
 * are the diverse links that keep clusters connected (keeping only the ef_construction nearest
 * left a 2,000-node test graph in islands after half its nodes were removed). If the entry point is removed, the surviving node with
 * the highest level takes over. Finally the removed records are dropped, so their ordinals can
 * be reused.
 *
 * <p><b>Concurrency.</b> A repair pass must not run alongside inserts or another repair (the
 * index runs it under its structure write lock); searches may run throughout. List rewrites are
 * published as any other write (see {@link HnswGraph}), so a concurrent search sees either list
 * or a mix of both, all of whose entries still have records until the very end of the pass.
 *
 * <p>Not thread-safe: one pass at a time, owned by the index.
 */
final class GraphRepair {
    private final HnswGraph graph;
    private final ScoringSpace space;
    private final int efConstruction;
    private final NeighborSelector selector;
    /** Every candidate of one relink, unbounded; drained nearest first for the heuristic. */
    private final HnswSearcher searcher;
    private final VisitedSet seen;
    private final NeighborQueue nearest;
    private final int[] list;
    private final int[] hop;
    private int[] sortedNodes;
    private float[] sortedScores;

    GraphRepair(HnswGraph graph, ScoringSpace space, int efConstruction, boolean keepPrunedConnections) {
        this.graph = graph;
        this.space = space;
        this.efConstruction = efConstruction;
        this.selector = new NeighborSelector(space, keepPrunedConnections);
        this.searcher = new HnswSearcher(graph);
        this.seen = new VisitedSet(graph.size());
        this.nearest = new NeighborQueue(4 * graph.maxConnections(0), NeighborQueue.Order.FARTHEST_FIRST);
        this.list = new int[graph.maxConnections(0)];
        this.hop = new int[graph.maxConnections(0)];
        this.sortedNodes = new int[efConstruction + 1];
        this.sortedScores = new float[efConstruction + 1];
    }

    /** Unlinks and drops every node in {@code removed}; returns how many node-levels were relinked. */
    int repair(BitSet removed) {
        int size = graph.size();
        int relinked = 0;
        for (int node = 0; node < size; node++) {
            if (removed.get(node)) {
                continue;
            }
            int top = graph.level(node);
            for (int level = 0; level <= top; level++) {
                int count = graph.neighbors(node, level, list);
                if (linksToRemoved(count, removed)) {
                    relink(node, level, count, removed);
                    relinked++;
                }
            }
        }
        replaceEntryIfRemoved(removed);
        for (int node = removed.nextSetBit(0); node >= 0; node = removed.nextSetBit(node + 1)) {
            graph.removeNode(node);
        }
        return relinked;
    }

    private boolean linksToRemoved(int count, BitSet removed) {
        for (int i = 0; i < count; i++) {
            if (removed.get(list[i])) {
                return true;
            }
        }
        return false;
    }

    /** Rebuilds {@code node}'s list on {@code level}, whose current {@code count} entries are in {@link #list}. */
    private void relink(int node, int level, int count, BitSet removed) {
        NodeScorer fromNode = space.scorer(node);
        int wanted = graph.maxConnections(level);
        nearest.clear();
        seen.clear(graph.size());
        seen.visit(node);
        for (int i = 0; i < count; i++) {
            int neighbor = list[i];
            if (removed.get(neighbor)) {
                considerNeighborsOf(neighbor, level, fromNode, removed);
            } else {
                consider(neighbor, fromNode, removed);
            }
        }
        if (nearest.size() < wanted) {
            for (int i = 0; i < count; i++) {
                if (!removed.get(list[i])) {
                    considerNeighborsOf(list[i], level, fromNode, removed);
                }
            }
        }
        if (nearest.isEmpty()) {
            searchFor(node, level, fromNode, removed);
        }
        if (sortedNodes.length < nearest.size()) {
            sortedNodes = new int[nearest.size()];
            sortedScores = new float[nearest.size()];
        }
        int found = nearest.drainNearestFirst(sortedNodes, sortedScores, node);
        selector.setSorted(sortedNodes, sortedScores, found);
        int kept = selector.select(wanted, list);
        synchronized (graph.lockFor(node)) {
            graph.setNeighbors(node, level, list, kept);
        }
    }

    private void considerNeighborsOf(int node, int level, NodeScorer fromNode, BitSet removed) {
        int count = graph.neighbors(node, level, hop);
        for (int j = 0; j < count; j++) {
            consider(hop[j], fromNode, removed);
        }
    }

    private void consider(int candidate, NodeScorer fromNode, BitSet removed) {
        if (!removed.get(candidate) && seen.visit(candidate)) {
            nearest.add(candidate, fromNode.score(candidate));
        }
    }

    /** Candidates for an isolated node: what an insert of it on {@code level} would find. */
    private void searchFor(int node, int level, NodeScorer fromNode, BitSet removed) {
        if (!searcher.searchLevelFromEntry(fromNode, efConstruction, level)) {
            return;
        }
        NeighborQueue results = searcher.results();
        for (int i = 0; i < results.size(); i++) {
            int candidate = results.nodeAt(i);
            if (candidate != node && !removed.get(candidate) && seen.visit(candidate)) {
                nearest.add(candidate, results.scoreAt(i));
            }
        }
    }

    private void replaceEntryIfRemoved(BitSet removed) {
        long entry = graph.entry();
        if (entry == HnswGraph.NO_ENTRY || !removed.get(HnswGraph.entryNode(entry))) {
            return;
        }
        int best = -1;
        int bestLevel = -1;
        int size = graph.size();
        for (int node = 0; node < size; node++) {
            int level = graph.level(node);
            if (level > bestLevel && !removed.get(node)) {
                best = node;
                bestLevel = level;
            }
        }
        synchronized (graph.entryLock()) {
            graph.setEntry(best, bestLevel);
        }
    }
}
