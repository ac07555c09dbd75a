package io.hyperspatial.core.index;

import io.hyperspatial.manifold.schema.VectorMetric;

/**
 * How a vector index is built: metric and dimension of its vectors, HNSW's {@code m} (links per
 * node on upper layers; 2m on layer 0) and {@code efConstruction}, the default {@code efSearch},
 * quantization, and the curvature {@code c} (> 0; sectional curvature −c) for hyperbolic metrics.
 */
public record IndexConfig(VectorMetric metric, int dimension, int m, int efConstruction, int efSearch,
                          Quantization quantization, double curvature) {

    public IndexConfig {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        if (m < 2 || m > 512) {
            throw new IllegalArgumentException("m must be in 2..512, got " + m);
        }
        if (efConstruction < 1 || efSearch < 1) {
            throw new IllegalArgumentException("ef_construction and ef_search must be positive");
        }
        if (!(curvature > 0) || !Double.isFinite(curvature)) {
            throw new IllegalArgumentException("curvature must be a positive finite number, got " + curvature);
        }
    }

    /** Defaults: m 16, ef_construction 200, ef_search 64, no quantization, curvature 1. */
    public static IndexConfig of(VectorMetric metric, int dimension) {
        return new IndexConfig(metric, dimension, 16, 200, 64, Quantization.NONE, 1.0);
    }

    /** Whether an index built as this one serves {@code other}: everything but ef_search (a search-time setting) is equal. */
    public boolean sameGraph(IndexConfig other) {
        return metric == other.metric && dimension == other.dimension && m == other.m
                && efConstruction == other.efConstruction && quantization == other.quantization
                && Double.compare(curvature, other.curvature) == 0;
    }

    public IndexConfig withM(int v) {
        return new IndexConfig(metric, dimension, v, efConstruction, efSearch, quantization, curvature);
    }

    public IndexConfig withEfConstruction(int v) {
        return new IndexConfig(metric, dimension, m, v, efSearch, quantization, curvature);
    }

    public IndexConfig withEfSearch(int v) {
        return new IndexConfig(metric, dimension, m, efConstruction, v, quantization, curvature);
    }

    public IndexConfig withCurvature(double v) {
        return new IndexConfig(metric, dimension, m, efConstruction, efSearch, quantization, v);
    }

    public IndexConfig withQuantization(Quantization v) {
        return new IndexConfig(metric, dimension, m, efConstruction, efSearch, v, curvature);
    }
}
