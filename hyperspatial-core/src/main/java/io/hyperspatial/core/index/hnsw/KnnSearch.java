package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.QuantizedScoringSpace;
import io.hyperspatial.core.index.score.ScoringSpace;
import org.roaringbitmap.RoaringBitmap;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread's k-NN search over an HNSW index: picks the strategy, runs it, reranks and turns
 * ordinals into {@link SearchHit}s.
 *
 * <ul>
 *   <li><b>Unfiltered</b>: graph search of width ef over live nodes.</li>
 *   <li><b>Small allow-list</b> (at most {@link #EXACT_SCAN_PER_EF}·ef ids): exact scan of the
 *       allowed ids. Below that size, scoring every allowed vector is cheaper than a graph
 *       search that has to walk past the disallowed ones, and it is exact.</li>
 *   <li><b>Larger allow-list</b>: filtered graph search (disallowed nodes route but are never
 *       results) with the width raised as selectivity falls, stopped once it has scored as many
 *       nodes as the exact scan would ({@link #VISIT_BUDGET_PER_ALLOWED} per allowed id).</li>
 *   <li>Whenever a graph search stops early or returns fewer than k, the answer comes from an
 *       exact scan instead, so a search never silently returns fewer than k when k are there.</li>
 * </ul>
 *
 * <p>Quantized spaces: traversal scores codes with a width of at least k·rerankFactor, and
 * every candidate it keeps is rescored with the exact space. In every case the hits reported
 * are rescored exactly, so each distance is the metric's true distance between the query and
 * the vector its id holds when the hit is made (this also keeps answers truthful when a
 * concurrent delete and insert recycle an ordinal mid-search).
 *
 * <p>Not thread-safe: the index pools one per searching thread.
 */
final class KnnSearch {
    /** Exact scan when the allow-list has at most this many ids per unit of ef (measured, see class doc). */
    static final int EXACT_SCAN_PER_EF = 20;
    /** A filtered graph search gives up after scoring this many nodes per allowed id. */
    static final double VISIT_BUDGET_PER_ALLOWED = 1.0;

    private final HnswGraph graph;
    private final ScoringSpace space;
    private final ScoringSpace exact;
    private final int rerankFactor;
    private final IdMap ids;
    private final HnswSearcher searcher;
    private final NeighborQueue best = new NeighborQueue(64, NeighborQueue.Order.FARTHEST_FIRST);
    private final OrdinalFilter live;
    private final AllowedOrdinals allowed;
    private int[] ordinals = new int[64];
    private float[] scores = new float[64];

    KnnSearch(HnswGraph graph, ScoringSpace space, IdMap ids) {
        this.graph = graph;
        this.space = space;
        this.exact = space instanceof QuantizedScoringSpace q ? q.exact() : space;
        this.rerankFactor = space instanceof QuantizedScoringSpace q ? Math.max(1, q.rerankFactor()) : 1;
        this.ids = ids;
        this.searcher = new HnswSearcher(graph);
        this.live = ordinal -> ids.id(ordinal) >= 0;
        this.allowed = new AllowedOrdinals(ids);
    }

    /** The k nearest live ids to a validated query, nearest first; ef already at least k. */
    List<SearchHit> run(float[] query, int k, int ef, RoaringBitmap filter) {
        NodeScorer traversal = space.scorer(query);
        NodeScorer exactScorer = exact == space ? traversal : exact.scorer(query);
        int width = Math.max(ef, k * rerankFactor);
        if (filter == null) {
            searcher.search(traversal, width, live, Integer.MAX_VALUE);
            if (searcher.results().size() < k) {
                return scanAll(exactScorer, k);
            }
            return rerank(exactScorer, k);
        }
        long allowedCount = filter.getLongCardinality();
        if (allowedCount == 0) {
            return List.of();
        }
        if (allowedCount <= (long) EXACT_SCAN_PER_EF * ef) {
            return scan(filter, exactScorer, k);
        }
        double selectivity = Math.min(1.0, (double) allowedCount / Math.max(1, ids.size()));
        allowed.reset(filter);
        int visitBudget = (int) Math.min(Integer.MAX_VALUE, (long) (allowedCount * VISIT_BUDGET_PER_ALLOWED));
        boolean complete = searcher.search(traversal, widen(width, selectivity), allowed, visitBudget);
        allowed.reset(null);
        if (!complete || searcher.results().size() < k) {
            return scan(filter, exactScorer, k);
        }
        return rerank(exactScorer, k);
    }

    /** Beam width for a filtered search: more room the fewer nodes pass the filter. */
    static int widen(int width, double selectivity) {
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(width / Math.sqrt(selectivity)));
    }

    /** Rescoring exactly the traversal's best (all of them when quantized, else the top k). */
    private List<SearchHit> rerank(NodeScorer exactScorer, int k) {
        NeighborQueue found = searcher.results();
        int pool = exact == space ? k : found.size();
        while (found.size() > pool) {
            found.pop();
        }
        best.clear();
        for (int i = 0; i < found.size(); i++) {
            int ordinal = found.nodeAt(i);
            best.insertWithOverflow(ordinal, exactScorer.score(ordinal), k);
        }
        return hits();
    }

    /** Exact scores of the allowed live ids: by id lookup when the list is shorter than the graph, else by ordinal. */
    private List<SearchHit> scan(RoaringBitmap filter, NodeScorer exactScorer, int k) {
        best.clear();
        long allowedCount = filter.getLongCardinality();
        if (allowedCount <= graph.size()) {
            ensureScratch((int) Math.min(allowedCount, ids.size()));
            int n = ids.ordinals(filter, ordinals);
            for (int i = 0; i < n; i++) {
                best.insertWithOverflow(ordinals[i], exactScorer.score(ordinals[i]), k);
            }
        } else {
            int size = graph.size();
            for (int ordinal = 0; ordinal < size; ordinal++) {
                int id = ids.id(ordinal);
                if (id >= 0 && filter.contains(id)) {
                    best.insertWithOverflow(ordinal, exactScorer.score(ordinal), k);
                }
            }
        }
        return hits();
    }

    /** Exact scores of every live node; the fallback when an unfiltered search comes up short. */
    private List<SearchHit> scanAll(NodeScorer exactScorer, int k) {
        best.clear();
        int size = graph.size();
        for (int ordinal = 0; ordinal < size; ordinal++) {
            if (ids.id(ordinal) >= 0) {
                best.insertWithOverflow(ordinal, exactScorer.score(ordinal), k);
            }
        }
        return hits();
    }

    /** Drains {@link #best} into hits, nearest first, skipping ordinals deleted meanwhile. */
    private List<SearchHit> hits() {
        ensureScratch(best.size());
        int n = best.drainNearestFirst(ordinals, scores, -1);
        List<SearchHit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = ids.id(ordinals[i]);
            if (id >= 0) {
                hits.add(new SearchHit(id, exact.distance(scores[i])));
            }
        }
        return hits;
    }

    private void ensureScratch(int n) {
        if (ordinals.length < n) {
            ordinals = new int[Math.max(n, ordinals.length * 2)];
            scores = new float[ordinals.length];
        }
    }

    /** Live ordinals whose id is in the current allow-list; reset per search, so no allocation. */
    private static final class AllowedOrdinals implements OrdinalFilter {
        private final IdMap ids;
        private RoaringBitmap filter;

        AllowedOrdinals(IdMap ids) {
            this.ids = ids;
        }

        void reset(RoaringBitmap filter) {
            this.filter = filter;
        }

        @Override
        public boolean accepts(int ordinal) {
            int id = ids.id(ordinal);
            return id >= 0 && filter.contains(id);
        }
    }
}
