/**
 * Learned hyperbolic positions for hierarchies: a {@link io.hyperspatial.core.positioning.Hierarchy}
 * (a DAG of child → parent edges) is embedded by
 * {@link io.hyperspatial.core.positioning.HierarchyEmbedder} into the Lorentz model
 * ({@link io.hyperspatial.core.positioning.LorentzEmbedding}) so that every node's ancestors lie
 * nearer to it than anything else; {@link io.hyperspatial.core.positioning.ReconstructionEvaluation}
 * measures that as Nickel and Kiela do (mean rank, MAP), and
 * {@link io.hyperspatial.core.positioning.IncrementalPlacement} places a single new node at once.
 * Pure computation, no storage; docs/positioning.md describes and defends the method.
 */
package io.hyperspatial.core.positioning;
