package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.ScoringSpace;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Makes level 0 of an {@link HnswGraph}, where every search ends, strongly connected again:
 * every node reachable from every other.
 *
 * <p>Why it is needed. HNSW can strand a node: when a neighbour's list overflows and is
 * re-selected with the diversity heuristic, the node may lose that in-link, and once it has lost
 * all of them no search finds it however wide its beam. A repair pass after many deletes does
 * worse: on hierarchical Poincaré data a test found a tenth of the surviving nodes cut off from
 * the best-linked node one way or the other. Being reachable from the entry point is not enough,
 * because a search enters level 0 wherever the greedy descent through the upper levels ends.
 *
 * <p>How. The pass judges everything against the hub, the node most others link to (see
 * {@link #hub}). Forward: walk level 0 breadth-first from the hub; each node not reached is
 * searched for as an insert would search and appended to the nearest reached node's list that
 * has room. (Lucene's {@code connectComponents} does this once per stranded component after a
 * build; here every stranded node gets a link from its own neighbourhood, because members of a
 * pocket entered through one of them are reachable but not found: a search for them starts far
 * from that member.) Backward: walk the reversed lists from the hub; each node that cannot get
 * back to it gets a link to its nearest node that can, in its own list. Lists are full by
 * default ({@link HnswOptions#keepPrunedConnections}), so a link usually replaces a redundant
 * neighbour (see {@link #replaceRedundant}). A backward replacement may still cut a path, so the
 * pass repeats (at most {@link #MAX_ROUNDS} rounds, the last never replacing).
 *
 * <p>Cost: a few walks of level 0 (O(nodes · 2M) list reads), a reversed copy of level 0 while
 * the pass runs (4 bytes per link, one copy at a time), and one search per node cut off. Must
 * not run alongside inserts or a repair (the index runs it under its structure write lock);
 * searches may run throughout, as every change is published like any list write.
 *
 * <p>Not thread-safe: one pass at a time, owned by the index.
 */
final class GraphConnectivity {
    /** Rounds of the pass when replacements cut other nodes off; the last one never replaces. */
    static final int MAX_ROUNDS = 3;
    private static final int UNREACHED = Integer.MAX_VALUE;
    /**
     * The narrowest search for a cut-off node's neighbourhood, whatever the index's ef_construction:
     * with a narrow one (ef_construction 4, m 2) the few nodes found all had full lists and no
     * redundant neighbour, and the pass left nodes cut off. It searches only for nodes cut off, so
     * the width costs little.
     */
    static final int MIN_SEARCH_EF = 64;

    private final HnswGraph graph;
    private final ScoringSpace space;
    /** The width of the search for a cut-off node's neighbourhood. */
    private final int searchEf;
    private final HnswSearcher searcher;
    private final int[] list;
    private final int[] other;
    private int[] queue = new int[64];
    private int[] inDegree = new int[0];
    private Reversed forwardReversed;
    private int[] found;
    private float[] foundScores;

    GraphConnectivity(HnswGraph graph, ScoringSpace space, int efConstruction) {
        this.graph = graph;
        this.space = space;
        this.searchEf = Math.max(efConstruction, MIN_SEARCH_EF);
        this.searcher = new HnswSearcher(graph);
        this.list = new int[graph.maxConnections(0)];
        this.other = new int[graph.maxConnections(0)];
        this.found = new int[searchEf + 1];
        this.foundScores = new float[searchEf + 1];
    }

    /**
     * Links every node that cannot reach the hub, or be reached from it, on level 0; returns how
     * many such nodes the first round found.
     *
     * @param avoid ordinals not to link from (retired nodes, which a repair will unlink); may be null
     */
    int connect(BitSet avoid) {
        int cutOff = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Pass pass = pass(avoid == null ? new BitSet() : avoid, round < MAX_ROUNDS);
            if (round == 1) {
                cutOff = pass.cutOff;
            }
            if (pass.replaced == 0) {
                break;
            }
        }
        return cutOff;
    }

    /**
     * Ordinals with a record that cannot reach the hub or be reached from it on level 0; empty
     * exactly when level 0 is strongly connected. For tests.
     */
    BitSet disconnected() {
        int size = graph.size();
        BitSet missing = new BitSet(size);
        int hub = hub();
        if (hub < 0) {
            return missing;
        }
        BitSet reached = new BitSet(size);
        spread(hub, reached);
        BitSet reaches = new BitSet(size);
        spread(hub, reaches, Reversed.of(graph), null);
        for (int node = 0; node < size; node++) {
            if (graph.level(node) >= 0 && !(reached.get(node) && reaches.get(node))) {
                missing.set(node);
            }
        }
        return missing;
    }

    private record Pass(int cutOff, int replaced) {
    }

    /** How a cut-off node was linked. */
    private enum Link { NONE, APPENDED, REPLACED }

    private Pass pass(BitSet avoid, boolean mayReplace) {
        int hub = hub();
        if (hub < 0) {
            return new Pass(0, 0);
        }
        int size = graph.size();
        int replaced = 0;
        BitSet cutOff = new BitSet(size);
        BitSet reached = new BitSet(size);
        int[] depth = depthsFrom(hub, reached);
        forwardReversed = null;
        BitSet firstReached = (BitSet) reached.clone();
        for (int node = firstReached.nextClearBit(0); node < size; node = firstReached.nextClearBit(node + 1)) {
            if (graph.level(node) < 0) {
                continue;
            }
            Link link = linkIn(node, hub, reached, depth, avoid, mayReplace);
            if (link != Link.NONE) {
                replaced += link == Link.REPLACED ? 1 : 0;
                markQueued(spread(node, reached), cutOff);
            }
        }
        forwardReversed = null;
        Reversed reversed = Reversed.of(graph);
        BitSet reaches = new BitSet(size);
        spread(hub, reaches, reversed, null);
        for (int node = reaches.nextClearBit(0); node < size; node = reaches.nextClearBit(node + 1)) {
            if (graph.level(node) < 0) {
                continue;
            }
            Link link = linkOut(node, hub, reaches, depth, reversed, mayReplace);
            if (link != Link.NONE) {
                replaced += link == Link.REPLACED ? 1 : 0;
                markQueued(spread(node, reaches, reversed, null), cutOff);
            }
        }
        return new Pass(cutOff.cardinality(), replaced);
    }

    /**
     * Level 0 reversed for the forward phase, built when a replacement first needs it (most
     * passes link nothing, or only append). Built late, it also holds the links the phase has
     * appended, all into nodes the first walk did not reach, which have no depth and so never
     * count as redundant in-links: the answer is the same as at the start of the phase.
     */
    private Reversed forwardReversed() {
        if (forwardReversed == null) {
            forwardReversed = Reversed.of(graph);
        }
        return forwardReversed;
    }

    /** Adds the nodes the last walk marked (the first {@code count} in its queue) to {@code into}. */
    private void markQueued(int count, BitSet into) {
        for (int i = 0; i < count; i++) {
            into.set(queue[i]);
        }
    }

    /**
     * The level-0 node most others link to (the lowest such ordinal), −1 for an empty graph. A
     * node that many link to sits in the graph's well-connected core, whatever the entry point
     * is (often a recent insert).
     */
    private int hub() {
        int size = graph.size();
        if (inDegree.length < size) {
            inDegree = new int[size];
        } else {
            Arrays.fill(inDegree, 0, size, 0);
        }
        int hub = -1;
        for (int node = 0; node < size; node++) {
            int count = graph.neighbors(node, 0, list);
            for (int i = 0; i < count; i++) {
                inDegree[list[i]]++;
            }
        }
        for (int node = 0; node < size; node++) {
            if (graph.level(node) >= 0 && (hub < 0 || inDegree[node] > inDegree[hub])) {
                hub = node;
            }
        }
        return hub;
    }

    /**
     * Walks level 0 breadth-first from the hub, marking what it reaches; returns each node's
     * depth (links from the hub), {@link #UNREACHED} for the rest.
     */
    private int[] depthsFrom(int hub, BitSet reached) {
        int[] depth = new int[graph.size()];
        Arrays.fill(depth, UNREACHED);
        depth[hub] = 0;
        spread(hub, reached, null, depth);
        return depth;
    }

    /**
     * Marks everything level 0 reaches from {@code start} not yet marked; returns how many, and
     * leaves them at the head of {@link #queue}.
     */
    private int spread(int start, BitSet marked) {
        return spread(start, marked, null, null);
    }

    /**
     * Marks everything not yet marked that level 0 reaches from {@code start}, following the
     * lists forwards, or backwards when {@code reversed} is given; returns how many, and leaves
     * them at the head of {@link #queue}. With {@code depth}, each one's depth is one more than
     * that of the node it was reached from.
     */
    private int spread(int start, BitSet marked, Reversed reversed, int[] depth) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        marked.set(start);
        while (head < tail) {
            int node = queue[head++];
            int[] from = reversed == null ? list : reversed.sources;
            int begin = reversed == null ? 0 : reversed.offsets[node];
            int end = reversed == null ? graph.neighbors(node, 0, list) : reversed.offsets[node + 1];
            for (int i = begin; i < end; i++) {
                int next = from[i];
                if (!marked.get(next)) {
                    marked.set(next);
                    if (depth != null) {
                        depth[next] = depth[node] + 1;
                    }
                    if (tail == queue.length) {
                        queue = Arrays.copyOf(queue, tail * 2);
                    }
                    queue[tail++] = next;
                }
            }
        }
        return tail;
    }

    /**
     * Gives {@code node} an in-link from the part of the graph the hub reaches: appended to the
     * nearest such node's list with room that an insert's search finds (the hub last), else
     * in the nearest such list with a redundant neighbour, in its place.
     */
    private Link linkIn(int node, int hub, BitSet reached, int[] depth, BitSet avoid, boolean mayReplace) {
        int count = searchFor(node, hub);
        found[count] = hub;
        for (int i = 0; i <= count; i++) {
            int from = found[i];
            if (reached.get(from) && !avoid.get(from) && tryAppend(from, node)) {
                return Link.APPENDED;
            }
        }
        for (int i = 0; mayReplace && i <= count; i++) {
            int from = found[i];
            if (reached.get(from) && !avoid.get(from) && replaceRedundant(from, node, hub, depth, forwardReversed())) {
                return Link.REPLACED;
            }
        }
        return Link.NONE;
    }

    /**
     * Gives {@code node} a link to the nearest node an insert's search finds (or the hub) that
     * can get back to the hub: appended to its list, or in place of a redundant neighbour there.
     */
    private Link linkOut(int node, int hub, BitSet reaches, int[] depth, Reversed reversed, boolean mayReplace) {
        int count = searchFor(node, hub);
        int target = hub;
        for (int i = 0; i < count; i++) {
            if (reaches.get(found[i])) {
                target = found[i];
                break;
            }
        }
        if (target == node) {
            return Link.NONE;
        }
        if (tryAppend(node, target)) {
            return Link.APPENDED;
        }
        return mayReplace && replaceRedundant(node, target, hub, depth, reversed) ? Link.REPLACED : Link.NONE;
    }

    /**
     * Searches level 0 for {@code node}'s own vector, seeded where an insert's greedy descent ends
     * and at the hub; the results, nearest first, go to {@code found}. The hub matters: the descent
     * can end inside the very pocket that is cut off, and a search from there alone finds none of
     * the nodes that could link to it.
     */
    private int searchFor(int node, int hub) {
        searcher.searchLevelFromEntry(space.scorer(node), searchEf, 0, hub);
        NeighborQueue results = searcher.results();
        if (found.length < results.size() + 1) {
            found = new int[results.size() + 1];
            foundScores = new float[results.size() + 1];
        }
        return results.drainNearestFirst(found, foundScores, node);
    }

    /** Appends {@code to} to {@code from}'s level-0 list if it has room; true if it is there now. */
    private boolean tryAppend(int from, int to) {
        synchronized (graph.lockFor(from)) {
            if (HnswGraph.indexOf(list, graph.neighbors(from, 0, list), to) >= 0) {
                return true;
            }
            if (!graph.tryAppend(from, 0, to)) {
                return false;
            }
        }
        inDegree[to]++;
        return true;
    }

    /**
     * Puts {@code to} in place of a redundant neighbour in {@code from}'s level-0 list: the hub,
     * from which every walk starts, if the list holds it; else one that a node nearer the hub
     * also links to ({@link #linkedFromNearerTheHub}; of those, the one most nodes link to, the
     * farthest on a tie). False if no neighbour is redundant. On hierarchical data most nodes
     * have a single in-link while a few near the root have hundreds: replacing the farthest
     * neighbour instead just cut the next node off.
     */
    private boolean replaceRedundant(int from, int to, int hub, int[] depth, Reversed reversed) {
        NodeScorer fromScorer = space.scorer(from);
        synchronized (graph.lockFor(from)) {
            int count = graph.neighbors(from, 0, list);
            int replace = HnswGraph.indexOf(list, count, hub);
            float replaceScore = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < count && (replace < 0 || list[replace] != hub); i++) {
                int neighbor = list[i];
                if (replace >= 0 && inDegree[neighbor] < inDegree[list[replace]]) {
                    continue;
                }
                float s = fromScorer.score(neighbor);
                boolean better = replace < 0 || inDegree[neighbor] > inDegree[list[replace]] || s > replaceScore;
                if (better && linkedFromNearerTheHub(neighbor, from, depth, reversed)) {
                    replace = i;
                    replaceScore = s;
                }
            }
            if (replace < 0) {
                return false;
            }
            inDegree[list[replace]]--;
            list[replace] = to;
            graph.setNeighbors(from, 0, list, count);
        }
        inDegree[to]++;
        return true;
    }

    /**
     * Whether a node other than {@code except} that the pass's first walk reached before
     * {@code node} (at a smaller depth) links to {@code node} now. Such a node's shortest path
     * from the hub cannot pass through {@code node}, so dropping {@code except}'s link keeps
     * {@code node} reachable; and since every replacement keeps such a link, every node the walk
     * reached keeps one, however many replacements follow. Nodes linked in by this pass have no
     * depth, so the links that brought them in are never replaced.
     */
    private boolean linkedFromNearerTheHub(int node, int except, int[] depth, Reversed reversed) {
        if (node >= depth.length || depth[node] == UNREACHED) {
            return false;
        }
        for (int i = reversed.offsets[node]; i < reversed.offsets[node + 1]; i++) {
            int source = reversed.sources[i];
            if (source != except && depth[source] < depth[node] && links(source, node)) {
                return true;
            }
        }
        return false;
    }

    private boolean links(int from, int to) {
        return HnswGraph.indexOf(other, graph.neighbors(from, 0, other), to) >= 0;
    }

    /**
     * Level 0 with every link turned around, as compressed rows: the nodes linking to {@code v}
     * are {@code sources[offsets[v] .. offsets[v + 1])}. A copy taken at one moment.
     */
    private record Reversed(int[] offsets, int[] sources) {
        static Reversed of(HnswGraph graph) {
            int size = graph.size();
            int[] list = new int[graph.maxConnections(0)];
            int[] offsets = new int[size + 1];
            for (int node = 0; node < size; node++) {
                int count = graph.neighbors(node, 0, list);
                for (int i = 0; i < count; i++) {
                    offsets[list[i] + 1]++;
                }
            }
            for (int v = 0; v < size; v++) {
                offsets[v + 1] += offsets[v];
            }
            int[] sources = new int[offsets[size]];
            int[] fill = Arrays.copyOf(offsets, size);
            for (int node = 0; node < size; node++) {
                int count = graph.neighbors(node, 0, list);
                for (int i = 0; i < count; i++) {
                    sources[fill[list[i]]++] = node;
                }
            }
            return new Reversed(offsets, sources);
        }
    }
}
