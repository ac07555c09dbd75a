package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.ScoringSpace;

import java.util.Arrays;

/**
 * Inserts nodes into an {@link HnswGraph} (the paper's Algorithm 1): descend greedily to the new
 * node's top level, then on each level down to 0 run a beam search of width ef_construction,
 * choose at most M diverse neighbours with {@link NeighborSelector}, link the node to them and
 * them back to it. A back link that overflows a neighbour's list (2M on level 0, M above) makes
 * that neighbour re-select its list with the same heuristic.
 *
 * <p><b>Concurrency.</b> One builder per thread (it owns a searcher and selection scratch), any
 * number of builders on one graph at once, with searches running. Every list write happens
 * under the owning node's stripe lock and only one lock is held at a time, so builders never
 * deadlock. An insert whose level is above the current entry point's holds the graph's entry
 * lock for its whole insert, then publishes itself as the entry point: two such inserts cannot
 * both leave their upper levels unconnected, and the (rare, about 1/M of inserts) serialization
 * is what hnswlib does too.
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
    private final int[] chosen;
    private final int[] existing;

    HnswBuilder(HnswGraph graph, ScoringSpace space, int efConstruction, boolean keepPrunedConnections) {
        this.graph = graph;
        this.space = space;
        this.efConstruction = efConstruction;
        this.searcher = new HnswSearcher(graph);
        this.selector = new NeighborSelector(space, keepPrunedConnections);
        this.levelNodes = new int[efConstruction + 1];
        this.levelScores = new float[efConstruction + 1];
        this.chosen = new int[graph.maxConnections(0) + 1];
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

    private void link(int node, int level, NodeScorer scorer, long entry) {
        if (entry == HnswGraph.NO_ENTRY) {
            return;
        }
        int entryLevel = HnswGraph.entryLevel(entry);
        int start = searcher.descend(scorer, HnswGraph.entryNode(entry), entryLevel, level);
        levelNodes[0] = start;
        levelScores[0] = scorer.score(start);
        int seeds = 1;
        for (int l = Math.min(level, entryLevel); l >= 0; l--) {
            searcher.searchLevel(scorer, levelNodes, levelScores, seeds, efConstruction, l);
            NeighborQueue found = searcher.results();
            ensureLevelCapacity(found.size());
            seeds = found.drainNearestFirst(levelNodes, levelScores, node);
            if (seeds == 0) {
                return;
            }
            selector.setSorted(levelNodes, levelScores, seeds);
            int count = selector.select(graph.m(), chosen);
            setOwnNeighbors(node, l, count);
            for (int i = 0; i < count; i++) {
                addBackLink(chosen[i], node, l);
            }
        }
    }

    /**
     * Writes the new node's list on {@code level}. Concurrent inserts that found the node early
     * may already have linked to it here; their links join the candidates rather than being lost.
     */
    private void setOwnNeighbors(int node, int level, int count) {
        synchronized (graph.lockFor(node)) {
            int already = graph.neighbors(node, level, existing);
            if (already == 0) {
                graph.setNeighbors(node, level, chosen, count);
                return;
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
        }
    }

    /** Links {@code neighbor} back to {@code node}, re-selecting the neighbour's list if full. */
    private void addBackLink(int neighbor, int node, int level) {
        synchronized (graph.lockFor(neighbor)) {
            if (graph.level(neighbor) < level) {
                return;
            }
            int count = graph.neighbors(neighbor, level, existing);
            for (int i = 0; i < count; i++) {
                if (existing[i] == node) {
                    return;
                }
            }
            if (graph.tryAppend(neighbor, level, node)) {
                return;
            }
            NodeScorer fromNeighbor = space.scorer(neighbor);
            selector.clear();
            for (int i = 0; i < count; i++) {
                selector.add(existing[i], fromNeighbor.score(existing[i]));
            }
            selector.add(node, fromNeighbor.score(node));
            int kept = selector.select(graph.maxConnections(level), existing);
            graph.setNeighbors(neighbor, level, existing, kept);
        }
    }

    private void ensureLevelCapacity(int n) {
        if (levelNodes.length < n) {
            levelNodes = Arrays.copyOf(levelNodes, n);
            levelScores = Arrays.copyOf(levelScores, n);
        }
    }
}
