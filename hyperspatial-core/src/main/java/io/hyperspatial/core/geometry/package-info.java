/**
 * Hyperbolic geometry in double precision, curvature −c: the Poincaré ball
 * ({@link io.hyperspatial.core.geometry.PoincareBall}), the hyperboloid
 * ({@link io.hyperspatial.core.geometry.LorentzModel}), the maps between them
 * ({@link io.hyperspatial.core.geometry.HyperbolicModels}) and weighted means
 * ({@link io.hyperspatial.core.geometry.FrechetMean}). Distances, exponential and logarithmic maps,
 * Möbius addition and parallel transport are written to stay accurate for nearby points and for
 * points near the boundary; docs/geometry.md lists the formulas and the precision of double and
 * float32. All types are immutable and thread-safe.
 */
package io.hyperspatial.core.geometry;
