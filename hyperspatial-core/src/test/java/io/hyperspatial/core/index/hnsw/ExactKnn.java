package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Ground truth for index tests: each metric's distance computed from its textbook formula in
 * double, independent of the scoring spaces, and exact k-nearest lists by full scan.
 */
final class ExactKnn {
    private ExactKnn() {
    }

    static double distance(VectorMetric metric, float[] a, float[] b) {
        return switch (metric) {
            case L2 -> Math.sqrt(squaredDistance(a, b));
            case COSINE -> 1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
            case DOT -> -dot(a, b);
            case POINCARE -> acosh(1 + 2 * squaredDistance(a, b) / ((1 - dot(a, a)) * (1 - dot(b, b))));
            case LORENTZ -> acosh(Math.max(1, (double) a[0] * b[0] - (dot(a, b) - (double) a[0] * b[0])));
        };
    }

    /** The k nearest of {@code vectors} (ids are positions) among those {@code allowed}, nearest first. */
    static int[] nearest(VectorMetric metric, float[][] vectors, float[] query, int k, IntPredicate allowed) {
        double[] d = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            d[i] = allowed.test(i) ? distance(metric, query, vectors[i]) : Double.POSITIVE_INFINITY;
        }
        return IntStream.range(0, vectors.length).filter(allowed).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> d[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** |hits ∩ truth| / |truth|. */
    static double recall(List<SearchHit> hits, int[] truth) {
        if (truth.length == 0) {
            return 1.0;
        }
        int[] sorted = truth.clone();
        Arrays.sort(sorted);
        long found = hits.stream().filter(h -> Arrays.binarySearch(sorted, h.id()) >= 0).count();
        return (double) found / truth.length;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static double squaredDistance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    private static double acosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }
}
