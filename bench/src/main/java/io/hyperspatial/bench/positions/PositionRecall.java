package io.hyperspatial.bench.positions;

import io.hyperspatial.bench.storage.JsonObject;
import io.hyperspatial.core.geometry.LorentzModel;
import io.hyperspatial.core.index.HyperboloidRerank;
import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.positioning.LorentzEmbedding;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-NN recall@10 of {@link HnswIndex} on learned positions, indexed in float32 either as Lorentz
 * coordinates, scored in polar form as the product's position index does, or in the Poincaré ball
 * (for comparison: far from the origin its coordinates round onto the boundary,
 * docs/geometry.md); the truth is exact, in double, from {@link LorentzEmbedding#distance}. A query is a node
 * of the embedding; its own hit is dropped, and a returned node counts when its true distance is at
 * most the true 10th-nearest distance (so ties do not count against the index).
 *
 * <p>Measured twice per ef: the float32 index alone, and as the product searches positions, with
 * {@code max(ef, 11)} candidates re-ranked by their float64 points ({@link HyperboloidRerank}).
 *
 * @param metric          how the points are indexed: POINCARE or LORENTZ
 * @param queries         queries measured
 * @param buildSeconds    index build time
 * @param ef              the ef_search values
 * @param recall          mean recall@10 per ef value, float32 index alone
 * @param reranked        mean recall@10 per ef value with the float64 re-rank
 * @param unrepresentable points whose float32 Poincaré coordinates round onto the boundary (pulled
 *                        back inside by one float step)
 */
record PositionRecall(VectorMetric metric, int queries, double buildSeconds, List<Integer> ef, List<Double> recall, List<Double> reranked,
                      int unrepresentable) {
    private static final int K = 10;

    static PositionRecall measure(LorentzEmbedding embedding, VectorMetric metric, int queryCount, List<Integer> efs,
                                  int threads, long seed) {
        if (metric != VectorMetric.POINCARE && metric != VectorMetric.LORENTZ) {
            throw new IllegalArgumentException("positions are indexed as poincare or lorentz, not " + metric);
        }
        int n = embedding.size();
        float[][] vectors = new float[n][];
        int unrepresentable = 0;
        for (int i = 0; i < n; i++) {
            if (metric == VectorMetric.POINCARE) {
                vectors[i] = toFloat(embedding.poincarePoint(i));
                if (pullInside(vectors[i])) {
                    unrepresentable++;
                }
            } else {
                vectors[i] = toFloat(embedding.point(i));
            }
        }
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        long t0 = System.nanoTime();
        int dimension = metric == VectorMetric.POINCARE ? embedding.dims() : embedding.dims() + 1;
        HnswIndex index = HnswIndex.build(IndexConfig.of(metric, dimension), ids, vectors, threads);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        int[] queries = new SplittableRandom(seed).ints(0, n).distinct().limit(Math.min(queryCount, n)).toArray();
        double[] kth = new double[queries.length];
        for (int q = 0; q < queries.length; q++) {
            kth[q] = kthDistance(embedding, queries[q]);
        }
        List<Double> recall = new ArrayList<>();
        List<Double> reranked = new ArrayList<>();
        for (int ef : efs) {
            recall.add(recall(embedding, index, vectors, queries, kth, ef, false));
            reranked.add(recall(embedding, index, vectors, queries, kth, ef, true));
        }
        return new PositionRecall(metric, queries.length, buildSeconds, List.copyOf(efs), recall, reranked,
                unrepresentable);
    }

    private static double recall(LorentzEmbedding embedding, HnswIndex index, float[][] vectors, int[] queries,
                                 double[] kth, int ef, boolean rerank) {
        int candidates = Math.max(ef, K + 1);
        long found = 0;
        for (int q = 0; q < queries.length; q++) {
            int u = queries[q];
            List<SearchHit> hits = index.search(SearchRequest.of(vectors[u], rerank ? candidates : K + 1)
                    .withEf(candidates));
            if (rerank) {
                hits = HyperboloidRerank.rerankHits(LorentzModel.UNIT, embedding.point(u), hits, K + 1,
                        embedding::point);
            }
            int counted = 0;
            for (SearchHit hit : hits) {
                if (hit.id() == u || counted == K) {
                    continue;
                }
                counted++;
                if (embedding.distance(u, hit.id()) <= kth[q]) {
                    found++;
                }
            }
        }
        return (double) found / ((long) K * queries.length);
    }

    void addTo(JsonObject line) {
        line.put("knn_metric", metric.name().toLowerCase(java.util.Locale.ROOT))
                .put("knn_queries", queries)
                .put("knn_build_seconds", buildSeconds)
                .put("knn_ef", ef)
                .put("knn_recall_at_10", recall)
                .put("knn_recall_at_10_reranked", reranked)
                .put("knn_unrepresentable_points", unrepresentable);
    }

    /** The exact distance from u to its 10th-nearest other node. */
    private static double kthDistance(LorentzEmbedding embedding, int u) {
        double[] d = new double[embedding.size() - 1];
        for (int w = 0, i = 0; w < embedding.size(); w++) {
            if (w != u) {
                d[i++] = embedding.distance(u, w);
            }
        }
        Arrays.sort(d);
        return d[Math.min(K, d.length) - 1];
    }

    private static float[] toFloat(double[] p) {
        float[] f = new float[p.length];
        for (int k = 0; k < p.length; k++) {
            f[k] = (float) p[k];
        }
        return f;
    }

    /** Scales v inside the open unit ball if float rounding put it on or outside the boundary. */
    private static boolean pullInside(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm < 1 - 1e-7) {
            return false;
        }
        double scale = Math.sqrt((1 - 2e-7) / norm);
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (v[k] * scale);
        }
        return true;
    }
}
