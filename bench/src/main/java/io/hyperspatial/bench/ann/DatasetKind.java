package io.hyperspatial.bench.ann;

import io.hyperspatial.manifold.schema.VectorMetric;

import java.util.Locale;

/**
 * The generated data sets of the ANN benchmark (issue 3's (a)–(d)), each with its metric, default
 * dimension and a fixed default seed. Vectors come from {@link ClusteredGaussians} or
 * {@link HyperbolicTree}; (c) and (d) are the same points in two models of hyperbolic space.
 */
enum DatasetKind {
    /** (a) Clustered Gaussians, L2, 128 dimensions. */
    GAUSSIAN_L2("gaussian-l2", VectorMetric.L2, 128),
    /** (b) Clustered Gaussians normalised to unit length, cosine, 384 dimensions. */
    COSINE("cosine", VectorMetric.COSINE, 384),
    /** (c) A hierarchy in the Poincaré ball, 16 dimensions, radii skewed toward the boundary. */
    POINCARE("poincare", VectorMetric.POINCARE, 16),
    /** (d) The same hierarchy on the Lorentz hyperboloid: 17 coordinates, time first. */
    LORENTZ("lorentz", VectorMetric.LORENTZ, 16);

    /** Clusters of the Gaussian mixtures. */
    static final int CLUSTERS = 100;

    final String label;
    final VectorMetric metric;
    /** Dimension of the generator: the Lorentz model adds a time coordinate to it. */
    final int defaultDimension;

    DatasetKind(String label, VectorMetric metric, int defaultDimension) {
        this.label = label;
        this.metric = metric;
        this.defaultDimension = defaultDimension;
    }

    /** Base and query vectors of this kind; {@code dimension} is the ball's for (c) and (d). */
    Vectors generate(int n, int queries, int dimension, long seed) {
        return switch (this) {
            case GAUSSIAN_L2, COSINE -> {
                ClusteredGaussians g = new ClusteredGaussians(dimension, CLUSTERS, this == COSINE, seed);
                yield new Vectors(g.base(n), g.queries(queries));
            }
            case POINCARE, LORENTZ -> {
                HyperbolicTree tree = new HyperbolicTree(n, dimension, seed);
                boolean lorentz = this == LORENTZ;
                yield new Vectors(lorentz ? tree.lorentz() : tree.poincare(), tree.queries(queries, lorentz));
            }
        };
    }

    static DatasetKind parse(String s) {
        String wanted = s.trim().toLowerCase(Locale.ROOT);
        for (DatasetKind k : values()) {
            if (k.label.equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + s + "'; expected gaussian-l2, cosine, poincare or lorentz");
    }

    /** Generated base and query vectors. */
    record Vectors(float[][] base, float[][] queries) {
    }
}
