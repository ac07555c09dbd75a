/**
 * Measuring vector indexes: recall@k against exact ground truth, queries per second and latency
 * percentiles per ef, build time and memory, and the speed at a target recall. Used by
 * {@code hyperspatial bench ann} and by the bench module's comparison with peer libraries.
 */
package io.hyperspatial.core.index.eval;
