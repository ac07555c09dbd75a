package io.hyperspatial.core.positioning;

/**
 * Learns positions in the Lorentz model for the nodes of a {@link Hierarchy} so that every node's
 * ancestors lie nearer to it than all other nodes, general nodes near the origin and specific ones
 * far out. Two phases (docs/positioning.md): a combinatorial construction of nested angular caps on
 * a spanning tree ({@code ConeConstruction}), then Riemannian SGD on the ranking loss of Nickel and
 * Kiela over the whole closure ({@code RankingRefinement}).
 *
 * <p>Deterministic: the same hierarchy and config give bit-identical output, whatever
 * {@link EmbeddingConfig#threads()} is. Stateless; safe to call from several threads.
 */
public final class HierarchyEmbedder {
    private HierarchyEmbedder() {
    }

    /** Embeds {@code hierarchy} with {@code config}, reporting to {@code listener}. */
    public static LorentzEmbedding embed(Hierarchy hierarchy, EmbeddingConfig config, ProgressListener listener) {
        long start = System.nanoTime();
        listener.onProgress(new ProgressListener.Event(ProgressListener.Phase.CONSTRUCTION, 0, config.epochs(),
                Double.NaN, 0));
        SpanningTree tree = new SpanningTree(hierarchy);
        PolarPoints points = ConeConstruction.place(tree, config);
        if (config.epochs() > 0 && hierarchy.closure().pairCount() > 0) {
            new RankingRefinement(hierarchy.closure(), tree, points, config).run(listener, start);
        }
        listener.onProgress(new ProgressListener.Event(ProgressListener.Phase.DONE, config.epochs(), config.epochs(),
                Double.NaN, (System.nanoTime() - start) / 1_000_000));
        return LorentzEmbedding.fromPolar(points);
    }
}
