package io.hyperspatial.hyperql.source;

import io.hyperspatial.hyperql.value.Vector;

import java.util.Locale;
import java.util.Optional;

/** The distances between vectors that HyperQL knows; smaller is nearer for all of them. */
public enum VectorMetric {
    /** Euclidean distance, operator {@code <->}. */
    L2("<->"),
    /** Cosine distance {@code 1 - cos}, operator {@code <=>}. */
    COSINE("<=>"),
    /** Negative dot product, operator {@code <#>}. */
    DOT("<#>");

    private final String operator;

    VectorMetric(String operator) {
        this.operator = operator;
    }

    /** The operator that computes this distance. */
    public String operator() {
        return operator;
    }

    /** The metric named in DDL ({@code l2}, {@code euclidean}, {@code cosine}, {@code dot}, {@code ip}). */
    public static Optional<VectorMetric> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "l2", "euclidean" -> Optional.of(L2);
            case "cosine" -> Optional.of(COSINE);
            case "dot", "ip", "inner_product" -> Optional.of(DOT);
            default -> Optional.empty();
        };
    }

    /** The metric of an operator, if it is a distance operator. */
    public static Optional<VectorMetric> ofOperator(String op) {
        for (VectorMetric m : values()) {
            if (m.operator.equals(op)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The distance between two vectors of equal dimensions, computed exactly in double precision. */
    public double distance(Vector a, Vector b) {
        float[] x = a.components();
        float[] y = b.components();
        double dot = 0;
        double nx = 0;
        double ny = 0;
        double l2 = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            l2 += d * d;
            dot += (double) x[i] * y[i];
            nx += (double) x[i] * x[i];
            ny += (double) y[i] * y[i];
        }
        return switch (this) {
            case L2 -> Math.sqrt(l2);
            case COSINE -> nx == 0 || ny == 0 ? 1.0 : 1.0 - dot / Math.sqrt(nx * ny);
            case DOT -> -dot;
        };
    }
}
