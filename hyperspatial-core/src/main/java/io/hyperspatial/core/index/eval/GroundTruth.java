package io.hyperspatial.core.index.eval;

import io.hyperspatial.core.concurrent.Workers;
import io.hyperspatial.core.index.BruteForceIndex;
import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import org.roaringbitmap.RoaringBitmap;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact k nearest neighbours of queries among base vectors (ids 0..n−1), by brute force
 * ({@link BruteForceIndex}) on several threads; ties go to the smaller id. Stateless and
 * thread-safe.
 */
public final class GroundTruth {
    private GroundTruth() {
    }

    /** One row per query: the 0-based ids of its k nearest base vectors, nearest first. */
    public static int[][] compute(IndexConfig config, float[][] base, float[][] queries, int k, int threads) {
        return compute(config, base, queries, k, null, threads);
    }

    /**
     * As {@link #compute(IndexConfig, float[][], float[][], int, int)}, among the ids in
     * {@code allowed} only (all when null); a row is shorter than k when fewer ids are allowed.
     */
    public static int[][] compute(IndexConfig config, float[][] base, float[][] queries, int k,
                                  RoaringBitmap allowed, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        int[] ids = new int[base.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        BruteForceIndex index = BruteForceIndex.build(config, ids, base);
        int[][] truth = new int[queries.length][];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int q = next.getAndIncrement(); q < queries.length; q = next.getAndIncrement()) {
                List<SearchHit> hits = index.search(new SearchRequest(queries[q], k, 0, allowed));
                truth[q] = hits.stream().mapToInt(SearchHit::id).toArray();
            }
        };
        Workers.runOn(threads, worker, "ground-truth");
        return truth;
    }
}
