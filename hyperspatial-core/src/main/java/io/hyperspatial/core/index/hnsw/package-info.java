/**
 * The HNSW vector index (Malkov and Yashunin, "Efficient and robust approximate nearest
 * neighbor search using Hierarchical Navigable Small World graphs").
 *
 * <p>{@link io.hyperspatial.core.index.hnsw.HnswIndex} is the entry point and the only public
 * class besides its {@link io.hyperspatial.core.index.hnsw.HnswOptions}. Behind it:
 * {@code HnswGraph} holds the layered neighbour lists and entry point; {@code HnswBuilder}
 * inserts (beam search, {@code NeighborSelector}'s heuristic, back links);
 * {@code HnswSearcher} traverses with its own scratch ({@code VisitedSet},
 * {@code NeighborQueue}s); {@code KnnSearch} picks between graph search and exact scan for
 * allow-lists and reranks; {@code GraphRepair} relinks around deleted nodes so their ordinals
 * can be reused; {@code IdMap} maps the caller's ids to ordinals. The graph code only ever
 * calls {@link io.hyperspatial.core.index.score.ScoringSpace} and
 * {@link io.hyperspatial.core.index.score.NodeScorer}: it does not know the metric or the
 * encoding.
 */
package io.hyperspatial.core.index.hnsw;
