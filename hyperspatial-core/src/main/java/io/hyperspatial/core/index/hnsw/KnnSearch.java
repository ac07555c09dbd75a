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
 *   <li><b>Allow-list</b>: exact scan of the allowed ids, or a filtered graph search
 *       (disallowed nodes route but never become results), whichever {@link #prefersScan}
 *       predicts is cheaper. A filtered search keeps its beam open until it holds ef allowed
 *       nodes, which widens it by itself as selectivity falls: it scores about V/s nodes at
 *       selectivity s, V being an unfiltered search's count, against s·live for the scan, so
 *       the scan wins below |allowed|² ≈ cost ratio·V·live. Measured on 10k × 32 l2 vectors,
 *       M 16, ef 64, a random allow-list: V ≈ 5 per unit of width; the two strategies broke
 *       even near 50% selectivity (273 vs 258 µs per query), the scan took half the time at
 *       20% and a hundredth at 1% (a filtered search then visits nearly the whole graph), the
 *       graph search a tenth unfiltered. Widening ef further on top of the open beam doubled
 *       the visits without raising recall (already 1.0), so it is not done.</li>
 *   <li>A filtered search that scores more than twice the scan's cost in nodes stops and the
 *       scan answers instead, so a wrong prediction costs at most a constant factor; and any
 *       graph search returning fewer than k falls back to an exact scan, so a search never
 *       silently returns fewer than k when k are there.</li>
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
    /** Nodes an unfiltered search scores per unit of beam width (measured, see class doc). */
    static final double VISITS_PER_WIDTH = 5;
    /** How many exact-scan scores cost as much as one graph-search visit (measured, see class doc). */
    static final double VISIT_COST_IN_SCANS = 6;

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
        if (prefersScan(allowedCount, width, Math.max(1, ids.size()))) {
            return scan(filter, exactScorer, k);
        }
        allowed.reset(filter);
        int visitBudget = (int) Math.min(Integer.MAX_VALUE, 2 * allowedCount / VISIT_COST_IN_SCANS);
        boolean complete = searcher.search(traversal, width, allowed, visitBudget);
        allowed.reset(null);
        if (!complete || searcher.results().size() < k) {
            return scan(filter, exactScorer, k);
        }
        return rerank(exactScorer, k);
    }

    /**
     * Whether scoring the allowed ids beats a filtered graph search. At selectivity s a filtered
     * search scores about V/s nodes, V being an unfiltered search's count, while the scan scores
     * s·live; so the scan wins while allowed² ≤ cost ratio · V · live.
     */
    static boolean prefersScan(long allowed, int width, int live) {
        double visits = VISITS_PER_WIDTH * width;
        return (double) allowed * allowed <= VISIT_COST_IN_SCANS * visits * live;
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
