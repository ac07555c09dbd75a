package io.hyperspatial.server.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Seeded random vectors and their exact cosine neighbours, for search tests that load points keyed
 * {@code p0, p1, …} and compare what the server finds with the truth.
 */
final class CosinePoints {
    private CosinePoints() {
    }

    /** A vector of {@code dimension} Gaussian components. */
    static float[] randomVector(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** The keys ({@code p} + index) of the k points nearest to {@code query} in cosine distance. */
    static Set<String> bruteForce(float[][] points, float[] query, int k) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, points.length).boxed().toList());
        order.sort(Comparator.comparingDouble(i -> cosineDistance(points[i], query)));
        Set<String> keys = new HashSet<>();
        order.subList(0, k).forEach(i -> keys.add("p" + i));
        return keys;
    }

    private static double cosineDistance(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(na * nb);
    }
}
