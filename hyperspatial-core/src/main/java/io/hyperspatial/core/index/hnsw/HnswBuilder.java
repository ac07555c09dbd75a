package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.ScoringSpace;

import java.util.Arrays;

/**
 * Inserts nodes into an {@link HnswGraph} (the paper's Algorithm 1): descend greedily to the new
 * node's top level, then on each level down to 0 run a beam search of width ef_construction and
 * choose at most M diverse neighbours with {@link NeighborSelector}; then, from level 0 up, link
 * the node to them and them back to it. A back link that overflows a neighbour's list (2M on
 * level 0, M above) makes that neighbour re-select its list with the same heuristic. If every
 * chosen level-0 neighbour drops the new node that way, the nearest other candidate with room
 * links to it, so a new node is not left unreachable (should none have room,
 * {@link GraphConnectivity} links it in later).
 *
 * <p><b>Concurrency.</b> One builder per thread (it owns a searcher and selection scratch), any
 * number of builders on one graph at once, with searches running. Every list write happens
 * under the owning node's stripe lock and only one lock is held at a time, so builders never
 * deadlock. Publishing bottom-up means no one reaches a node on a level whose lower lists are
 * still empty (see {@link #link}). An insert whose level is above the current entry point's
 * holds the graph's entry lock for its whole insert, then publishes itself as the entry point:
 * two such inserts cannot both leave their upper levels unconnected, and the (rare, about 1/M
 * of inserts) serialization is what hnswlib does too.
 *
 * <p>Not thread-safe itself; the index pools builders.
 */
final class HnswBuilder {
    private final HnswGraph graph;
    private final ScoringSpace space;
    private final int efConstruction;
    private final HnswSearcher searcher;
    private final NeighborSelector selector;
    private int[] levelNodes;
    private float[] levelScores;
    /** Neighbours chosen per level by the search phase of an insert, and their counts. */
    private final int[][] chosenByLevel = new int[LevelGenerator.MAX_LEVEL + 1][];
    private final int[] chosenCounts = new int[LevelGenerator.MAX_LEVEL + 1];
    private final int[] existing;

    HnswBuilder(HnswGraph graph, ScoringSpace space, int efConstruction, boolean keepPrunedConnections) {
        this.graph = graph;
        this.space = space;
        this.efConstruction = efConstruction;
        this.searcher = new HnswSearcher(graph);
        this.selector = new NeighborSelector(space, keepPrunedConnections);
        this.levelNodes = new int[efConstruction + 1];
        this.levelScores = new float[efConstruction + 1];
        this.existing = new int[graph.maxConnections(0)];
    }

    /**
     * Adds {@code node} (whose vector is already in the space) to the graph with top level
     * {@code level} and links it in.
     */
    void insert(int node, int level) {
        graph.addNode(node, level);
        NodeScorer scorer = space.scorer(node);
        long entry = graph.entry();
        if (level > HnswGraph.entryLevel(entry)) {
            synchronized (graph.entryLock()) {
                entry = graph.entry();
                if (level > HnswGraph.entryLevel(entry)) {
                    link(node, level, scorer, entry);
                    graph.setEntry(node, level);
                    return;
                }
            }
        }
        link(node, level, scorer, entry);
    }

    /**
     * Searches every level top-down, choosing the node's neighbours on each, then publishes
     * bottom-up: level 0 first, each level's own list before its back links. Another insert or a
     * search can only reach the node through a back link, so by the time one reaches it on some
     * level, all its lists below are in place. (Publishing top-down, a concurrent insert could
     * descend onto the node through an upper level while its level-0 list was still empty, find
     * nothing else there, and link only to it: a test caught late inserts forming a pocket no
     * search got out of or into.)
     */
    private void link(int node, int level, NodeScorer scorer, long entry) {
        if (entry == HnswGraph.NO_ENTRY) {
            return;
        }
        int entryLevel = HnswGraph.entryLevel(entry);
        int top = Math.min(level, entryLevel);
        int start = searcher.descend(scorer, HnswGraph.entryNode(entry), entryLevel, level);
        levelNodes[0] = start;
        levelScores[0] = scorer.score(start);
        int seeds = 1;
        for (int l = top; l >= 0; l--) {
            searcher.searchLevel(scorer, levelNodes, levelScores, seeds, efConstruction, l);
            NeighborQueue found = searcher.results();
            ensureLevelCapacity(found.size());
            seeds = found.drainNearestFirst(levelNodes, levelScores, node);
            if (seeds == 0) {
                return;
            }
            selector.setSorted(levelNodes, levelScores, seeds);
            chosenCounts[l] = selector.select(graph.m(), chosen(l));
        }
        for (int l = 0; l <= top; l++) {
            int[] list = chosen(l);
            int count = setOwnNeighbors(node, l, list, chosenCounts[l]);
            int linkedBack = 0;
            for (int i = 0; i < count; i++) {
                if (addBackLink(list[i], node, l)) {
                    linkedBack++;
                }
            }
            if (linkedBack == 0 && l == 0) {
                linkFromCandidate(node, seeds, list, count);
            }
        }
    }

    /** The builder's array for the neighbours chosen on {@code level}. */
    private int[] chosen(int level) {
        int[] list = chosenByLevel[level];
        if (list == null) {
            list = new int[graph.maxConnections(0) + 1];
            chosenByLevel[level] = list;
        }
        return list;
    }

    /**
     * Every chosen neighbour dropped the new node when re-selecting its full list, so nothing
     * links to it yet on level 0 and no search could find it: append it to the nearest other
     * level-0 candidate (still in {@code levelNodes}) whose list has room. (If none has,
     * {@link GraphConnectivity} links it in at the index's next connectivity pass. Upper levels
     * only route, so a node missing there is harmless.)
     */
    private void linkFromCandidate(int node, int candidates, int[] list, int count) {
        for (int i = 0; i < candidates; i++) {
            int candidate = levelNodes[i];
            if (HnswGraph.indexOf(list, count, candidate) >= 0) {
                continue;
            }
            synchronized (graph.lockFor(candidate)) {
                if (graph.tryAppend(candidate, 0, node)) {
                    return;
                }
            }
        }
    }

    /**
     * Writes the new node's list on {@code level}. Concurrent inserts that found the node early
     * may already have linked to it here; their links join the candidates rather than being lost.
     * Returns the list's length; the list is then in {@code chosen}, which has room for
     * {@link HnswGraph#maxConnections} of level 0.
     */
    private int setOwnNeighbors(int node, int level, int[] chosen, int count) {
        synchronized (graph.lockFor(node)) {
            int already = graph.neighbors(node, level, existing);
            if (already == 0) {
                graph.setNeighbors(node, level, chosen, count);
                return count;
            }
            NodeScorer fromNode = space.scorer(node);
            selector.clear();
            for (int i = 0; i < count; i++) {
                selector.add(chosen[i], fromNode.score(chosen[i]));
            }
            for (int i = 0; i < already; i++) {
                if (!selector.contains(existing[i])) {
                    selector.add(existing[i], fromNode.score(existing[i]));
                }
            }
            int kept = selector.select(graph.maxConnections(level), chosen);
            graph.setNeighbors(node, level, chosen, kept);
            return kept;
        }
    }

    /**
     * Links {@code neighbor} back to {@code node}, re-selecting the neighbour's list if full;
     * returns whether the neighbour's list holds {@code node} afterwards.
     *
     * <p>A full level-0 list whose heuristic picks are known ({@link HnswGraph#diversePrefix})
     * is first offered the node with {@link NeighborSelector#offerCovered}: when a pick covers
     * it, which is most of the time, that costs a few scores instead of the full re-selection's
     * one per pair (on 100,000 hierarchical Poincaré points, 1.14 of 1.41 million overflows were
     * settled so and the single-thread build took 18 s instead of 25 s, with the same graph).
     */
    private boolean addBackLink(int neighbor, int node, int level) {
        synchronized (graph.lockFor(neighbor)) {
            if (graph.level(neighbor) < level) {
                return false;
            }
            int count = graph.neighbors(neighbor, level, existing);
            if (HnswGraph.indexOf(existing, count, node) >= 0 || graph.tryAppend(neighbor, level, node)) {
                return true;
            }
            float nodeScore = space.score(neighbor, node);
            int diverse = level == 0 ? graph.diversePrefix(neighbor) : 0;
            if (diverse > 0) {
                int kept = selector.offerCovered(neighbor, existing, count, diverse, node, nodeScore);
                if (kept >= 0) {
                    int at = HnswGraph.indexOf(existing, kept, node);
                    if (at >= 0) {
                        graph.setNeighbors(neighbor, level, existing, kept, diverse);
                    }
                    return at >= 0;
                }
            }
            NodeScorer fromNeighbor = space.scorer(neighbor);
            selector.clear();
            for (int i = 0; i < count; i++) {
                selector.add(existing[i], fromNeighbor.score(existing[i]));
            }
            selector.add(node, nodeScore);
            int max = graph.maxConnections(level);
            int kept = selector.select(max, existing);
            graph.setNeighbors(neighbor, level, existing, kept, selector.diverseCount());
            return HnswGraph.indexOf(existing, kept, node) >= 0;
        }
    }

    private void ensureLevelCapacity(int n) {
        if (levelNodes.length < n) {
            levelNodes = Arrays.copyOf(levelNodes, n);
            levelScores = Arrays.copyOf(levelScores, n);
        }
    }
}
