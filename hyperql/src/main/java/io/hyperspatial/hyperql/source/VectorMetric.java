package io.hyperspatial.hyperql.source;

import io.hyperspatial.hyperql.function.HyperbolicDistance;
import io.hyperspatial.hyperql.value.Vector;

import java.util.Locale;
import java.util.Optional;

/**
 * The distances between vectors that HyperQL knows; smaller is nearer for all of them. The
 * Euclidean ones have an operator; the hyperbolic ones (curvature −1) are written as functions:
 * {@code hdist(a, b)} for Poincaré-ball points, {@code distance(a, b, 'lorentz')} for points of the
 * hyperboloid.
 */
public enum VectorMetric {
    /** Euclidean distance, operator {@code <->}. */
    L2("<->"),
    /** Cosine distance {@code 1 - cos}, operator {@code <=>}. */
    COSINE("<=>"),
    /** Negative dot product, operator {@code <#>}. */
    DOT("<#>"),
    /** Hyperbolic distance between points of the open unit Poincaré ball, {@code hdist(a, b)}. */
    POINCARE(null),
    /** Hyperbolic distance between points of the hyperboloid −x₀² + Σxᵢ² = −1, x₀ > 0 (time first). */
    LORENTZ(null);

    private final String operator;

    VectorMetric(String operator) {
        this.operator = operator;
    }

    /** The operator that computes this distance, or null for the hyperbolic metrics (functions only). */
    public String operator() {
        return operator;
    }

    /** Whether points of this metric live in hyperbolic space (and must lie in the ball or on the hyperboloid). */
    public boolean hyperbolic() {
        return this == POINCARE || this == LORENTZ;
    }

    /** The name DDL and {@code distance(a, b, 'name')} use: {@code l2}, {@code cosine}, {@code dot}, {@code poincare}, {@code lorentz}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How the distance between two operands is written: {@code a <-> b}, {@code hdist(a, b)}, {@code distance(a, b, 'lorentz')}. */
    public String render(String left, String right) {
        return switch (this) {
            case POINCARE -> "hdist(" + left + ", " + right + ")";
            case LORENTZ -> "distance(" + left + ", " + right + ", 'lorentz')";
            default -> left + " " + operator + " " + right;
        };
    }

    /** The metric named in DDL ({@code l2}, {@code euclidean}, {@code cosine}, {@code dot}, {@code ip}, {@code poincare}, {@code lorentz}). */
    public static Optional<VectorMetric> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "l2", "euclidean" -> Optional.of(L2);
            case "cosine" -> Optional.of(COSINE);
            case "dot", "ip", "inner_product" -> Optional.of(DOT);
            case "poincare" -> Optional.of(POINCARE);
            case "lorentz", "hyperboloid" -> Optional.of(LORENTZ);
            default -> Optional.empty();
        };
    }

    /** The metric of an operator, if it is a distance operator. */
    public static Optional<VectorMetric> ofOperator(String op) {
        for (VectorMetric m : values()) {
            if (op.equals(m.operator)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The distance between two vectors of equal dimensions, computed exactly in double precision.
     * A hyperbolic point off its model fails with {@code HQL_OUT_OF_RANGE} naming {@code where}.
     */
    public double distance(Vector a, Vector b, String where) {
        if (this == POINCARE) {
            return HyperbolicDistance.of(a, b, where);
        }
        if (this == LORENTZ) {
            return HyperbolicDistance.lorentz(a, b, where);
        }
        return distance(a, b);
    }

    /** {@link #distance(Vector, Vector, String)} with errors naming the metric. */
    public double distance(Vector a, Vector b) {
        if (hyperbolic()) {
            return distance(a, b, sqlName() + " distance");
        }
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
            default -> -dot;
        };
    }
}
