package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.NodeScorer;

/**
 * Graph traversal over an {@link HnswGraph}: greedy descent through the upper levels, then a
 * beam search of width ef on one level (the paper's SEARCH-LAYER). Only calls the
 * {@link NodeScorer} it is given, so it serves queries and inserts alike, in any metric and
 * encoding.
 *
 * <p>Owns its scratch: a generation-stamped visited set, a nearest-first candidate frontier and
 * a bounded farthest-first result set, both heaps of packed longs, and neighbour and score
 * buffers. After warm-up a search allocates nothing. A node's new neighbours are scored in one
 * {@link NodeScorer#scoreAll} call.
 *
 * <p>Filtered searches: nodes the {@link OrdinalFilter} rejects are still expanded (they route
 * the search) but never enter the results. While fewer than ef accepted nodes are found the
 * beam does not close, so a selective filter widens the search by itself; the optional visit
 * limit bounds that widening (the caller then switches to an exact scan).
 *
 * <p>Not thread-safe: one searcher per thread, reused across searches (the index pools them).
 */
final class HnswSearcher {
    private final HnswGraph graph;
    private final VisitedSet visited;
    private final NeighborQueue candidates = new NeighborQueue(128, NeighborQueue.Order.NEAREST_FIRST);
    private final NeighborQueue results = new NeighborQueue(128, NeighborQueue.Order.FARTHEST_FIRST);
    private final int[] neighbors;
    private final float[] scores;
    private final int[] seedNode = new int[2];
    private final float[] seedScore = new float[2];
    private int visitedCount;

    HnswSearcher(HnswGraph graph) {
        this.graph = graph;
        this.visited = new VisitedSet(graph.size());
        this.neighbors = new int[graph.maxConnections(0)];
        this.scores = new float[neighbors.length];
    }

    /**
     * Searches from the entry point: greedy to level 1, then width {@code ef} on level 0,
     * keeping at most {@code ef} accepted nodes in {@link #results()}. Returns false if it
     * stopped after scoring {@code visitLimit} nodes (the results are then incomplete).
     */
    boolean search(NodeScorer scorer, int ef, OrdinalFilter filter, int visitLimit) {
        candidates.clear();
        results.clear();
        visitedCount = 0;
        long entry = graph.entry();
        if (entry == HnswGraph.NO_ENTRY) {
            return true;
        }
        int node = descend(scorer, HnswGraph.entryNode(entry), HnswGraph.entryLevel(entry), 0);
        visited.clear(graph.size());
        visited.visit(node);
        float score = scorer.score(node);
        candidates.add(node, score);
        if (filter.accepts(node)) {
            results.add(node, score);
        }
        return searchLevel(scorer, ef, 0, filter, visitLimit);
    }

    /**
     * Greedy search from {@code node} on {@code fromLevel} down to (not including)
     * {@code toLevel}: on each level, move to the nearest neighbour while one is nearer. Returns
     * the node reached.
     */
    int descend(NodeScorer scorer, int node, int fromLevel, int toLevel) {
        float score = scorer.score(node);
        for (int level = fromLevel; level > toLevel; level--) {
            boolean moved = true;
            while (moved) {
                moved = false;
                int count = graph.neighbors(node, level, neighbors);
                scorer.scoreAll(neighbors, count, scores);
                visitedCount += count;
                for (int i = 0; i < count; i++) {
                    int n = neighbors[i];
                    float s = scores[i];
                    if (s < score) {
                        score = s;
                        node = n;
                        moved = true;
                    }
                }
            }
        }
        return node;
    }

    /**
     * Beam search of width {@code ef} on {@code level} from the given seeds (their scores
     * already known), accepting every node; used by inserts, which seed each level with the
     * results of the level above.
     */
    void searchLevel(NodeScorer scorer, int[] seedNodes, float[] seedScores, int seedCount, int ef, int level) {
        candidates.clear();
        results.clear();
        visited.clear(graph.size());
        for (int i = 0; i < seedCount; i++) {
            if (visited.visit(seedNodes[i])) {
                candidates.add(seedNodes[i], seedScores[i]);
                results.insertWithOverflow(seedNodes[i], seedScores[i], ef);
            }
        }
        searchLevel(scorer, ef, level, OrdinalFilter.ALL, Integer.MAX_VALUE);
    }

    /**
     * What an insert on {@code level} runs: greedy descent from the entry point to that level,
     * then a beam search of width {@code ef} on it from where the descent ended, results in
     * {@link #results()}. False (and no search) if the graph is empty or does not reach the level.
     */
    boolean searchLevelFromEntry(NodeScorer scorer, int ef, int level) {
        return searchLevelFromEntry(scorer, ef, level, -1);
    }

    /**
     * As {@link #searchLevelFromEntry(NodeScorer, int, int)}, the beam search also seeded at
     * {@code alsoFrom}, a node on {@code level} (−1: none).
     */
    boolean searchLevelFromEntry(NodeScorer scorer, int ef, int level, int alsoFrom) {
        long entry = graph.entry();
        if (entry == HnswGraph.NO_ENTRY || HnswGraph.entryLevel(entry) < level) {
            return false;
        }
        int start = descend(scorer, HnswGraph.entryNode(entry), HnswGraph.entryLevel(entry), level);
        seedNode[0] = start;
        seedScore[0] = scorer.score(start);
        int seeds = 1;
        if (alsoFrom >= 0) {
            seedNode[1] = alsoFrom;
            seedScore[1] = scorer.score(alsoFrom);
            seeds = 2;
        }
        searchLevel(scorer, seedNode, seedScore, seeds, ef, level);
        return true;
    }

    /** The best accepted nodes of the last search, farthest on top. */
    NeighborQueue results() {
        return results;
    }

    /** Nodes scored by the last search (descent included). */
    int visitedCount() {
        return visitedCount;
    }

    private boolean searchLevel(NodeScorer scorer, int ef, int level, OrdinalFilter filter, int visitLimit) {
        float worst = results.size() >= ef ? results.topScore() : Float.POSITIVE_INFINITY;
        while (!candidates.isEmpty()) {
            if (candidates.topScore() > worst) {
                break;
            }
            int node = candidates.pop();
            int count = graph.neighbors(node, level, neighbors);
            // Unvisited neighbours first (compacted in place), then scored in one batch, then
            // taken in their list order: the same outcome as scoring them one at a time.
            int fresh = 0;
            for (int i = 0; i < count; i++) {
                int n = neighbors[i];
                if (visited.visit(n)) {
                    if (++visitedCount > visitLimit) {
                        return false;
                    }
                    neighbors[fresh++] = n;
                }
            }
            scorer.scoreAll(neighbors, fresh, scores);
            for (int i = 0; i < fresh; i++) {
                int n = neighbors[i];
                float s = scores[i];
                if (s < worst) {
                    candidates.add(n, s);
                    if (filter.accepts(n) && results.insertWithOverflow(n, s, ef) && results.size() >= ef) {
                        worst = results.topScore();
                    }
                }
            }
        }
        return true;
    }
}
