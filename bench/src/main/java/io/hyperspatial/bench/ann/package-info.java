/**
 * The ANN benchmark: seeded data sets (clustered Gaussians for l2 and cosine, a hierarchy in the
 * Poincaré ball and on the Lorentz hyperboloid), in-process peers (Lucene's HNSW, jvector, exact
 * brute force) measured with the same {@link io.hyperspatial.core.index.eval.AnnEvaluation} as
 * {@code hyperspatial bench ann}, and the report that compares them with the Python peers.
 */
package io.hyperspatial.bench.ann;
