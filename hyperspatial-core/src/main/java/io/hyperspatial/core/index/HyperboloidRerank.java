package io.hyperspatial.core.index;

import io.hyperspatial.core.geometry.LorentzModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Re-ranks an index's candidates by the exact float64 distance between hyperboloid points.
 *
 * <p>Positions are indexed as float32 Poincaré points, which cannot tell apart nearby points far
 * from the origin: beyond a hyperbolic radius of about 16 (c = 1) a point's ball coordinates
 * round onto the boundary, and siblings there are closer in angle than one float step
 * (docs/geometry.md). The float32 graph still leads a search to the right region; this puts the
 * candidates it found in their true order, read from the float64 points the collection stores.
 * Searching for {@code max(k, ef)} candidates and keeping the k best is what makes recall hold
 * out there. Stateless.
 */
public final class HyperboloidRerank {
    private HyperboloidRerank() {
    }

    /** A candidate with its exact distance. */
    public record Ranked<T>(T item, double distance) {
    }

    /**
     * The k candidates nearest to {@code query}, nearest first, by {@link LorentzModel#distance}.
     * A candidate whose exact point is unknown (deleted since it was indexed) is dropped.
     *
     * @param query      the query's hyperboloid point, n + 1 coordinates
     * @param candidates what the index returned, in any order
     * @param pointOf    the candidate's stored hyperboloid point, or null if it has none now
     */
    public static <T> List<Ranked<T>> rerank(LorentzModel model, double[] query, List<T> candidates, int k,
                                             Function<T, double[]> pointOf) {
        List<double[]> points = new ArrayList<>(candidates.size());
        for (T candidate : candidates) {
            points.add(pointOf.apply(candidate));
        }
        return rerank(model, query, candidates, points, k);
    }

    /**
     * {@link #rerank(LorentzModel, double[], List, int, Function) rerank} with the candidates'
     * points read beforehand (e.g. in one batch), {@code points.get(i)} that of candidate i.
     */
    public static <T> List<Ranked<T>> rerank(LorentzModel model, double[] query, List<T> candidates,
                                             List<double[]> points, int k) {
        List<Ranked<T>> ranked = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            double[] point = points.get(i);
            if (point != null) {
                ranked.add(new Ranked<>(candidates.get(i), model.distance(query, point)));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranked::distance));
        return ranked.size() > k ? List.copyOf(ranked.subList(0, k)) : ranked;
    }

    /** {@link #rerank} of an index's hits, by ordinal. */
    public static List<SearchHit> rerankHits(LorentzModel model, double[] query, List<SearchHit> hits, int k,
                                             IntFunction<double[]> pointOf) {
        List<SearchHit> out = new ArrayList<>(Math.min(k, hits.size()));
        for (Ranked<SearchHit> r : rerank(model, query, hits, k, h -> pointOf.apply(h.id()))) {
            out.add(new SearchHit(r.item().id(), (float) r.distance()));
        }
        return out;
    }
}
