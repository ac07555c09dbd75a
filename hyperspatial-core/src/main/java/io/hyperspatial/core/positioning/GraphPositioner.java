package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Learns a collection's graph positions: declares the {@link PositionKind#GRAPH} space, reads the
 * hierarchy of its edge types ({@link CollectionHierarchy}), embeds it ({@link HierarchyEmbedder})
 * and writes every node's position, each write also extending the entity's trajectory. Also
 * evaluates stored positions against the hierarchy ({@link ReconstructionEvaluation}).
 *
 * <p>Learning reads one snapshot; entities and edges written meanwhile are not part of the run.
 * Positions are written in batches ({@link PositionWriter}), so a crash part way leaves some
 * entities with new positions and the others with their old ones; running again completes it.
 * Stateless.
 */
public final class GraphPositioner {
    private GraphPositioner() {
    }

    /** What a learning run did. */
    public record Learned(int nodes, long closurePairs, long danglingEdges, long embedMillis, long sequence) {
    }

    /**
     * Declares the graph position space of {@code dims} spatial dimensions learned from
     * {@code edgeTypes} (curvature −1). Redeclaring with other edge types replaces them; with
     * another dimension it fails with {@code schema_conflict}.
     */
    public static PositionSpace declare(Collection collection, int dims, List<String> edgeTypes) {
        collection.updateSchema(s -> s.positionSpace(PositionKind.GRAPH, dims, 1.0, edgeTypes));
        return space(collection);
    }

    /** The declared graph position space. */
    public static PositionSpace space(Collection collection) {
        Optional<PositionSpace> space = collection.schema().positionSpace(PositionKind.GRAPH);
        return space.orElseThrow(() -> new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, "position.graph",
                "collection '" + collection.name() + "' declares no graph positions (learn them with an edge type first)"));
    }

    /**
     * Learns positions for the hierarchy of the declared space's edge types and writes them at
     * {@code timeMillis}. {@code config}'s dimension is replaced by the space's.
     *
     * @param written told how many positions are written after each batch
     */
    public static Learned learn(Collection collection, EmbeddingConfig config, ProgressListener progress,
                                long timeMillis, WriteProgress written) {
        PositionSpace space = space(collection);
        CollectionHierarchy h;
        try (ReadView view = collection.snapshot()) {
            h = CollectionHierarchy.read(view, space.edgeTypes());
        }
        if (h.size() == 0) {
            throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "edge", "collection '" + collection.name()
                    + "' has no " + String.join(", ", space.edgeTypes()) + " edges to learn positions from", null);
        }
        long started = System.nanoTime();
        LorentzEmbedding embedding = HierarchyEmbedder.embed(h.hierarchy(), config.withDims(space.dimension()), progress);
        long embedMillis = (System.nanoTime() - started) / 1_000_000;
        double scale = 1 / Math.sqrt(space.curvature());
        long sequence = PositionWriter.write(collection, PositionKind.GRAPH, h.ids(),
                i -> scaled(embedding.point(i), scale), timeMillis, written);
        return new Learned(h.size(), h.hierarchy().closure().pairCount(), h.danglingEdges(), embedMillis, sequence);
    }

    /**
     * Evaluates the stored graph positions against the hierarchy of {@code edgeTypes} (empty: the
     * space's own), as the Poincaré-embeddings paper does (mean rank and MAP of each entity's
     * ancestors among all entities of the hierarchy).
     *
     * @throws ManifoldException ({@code invalid_argument}) if an entity of the hierarchy has no position
     */
    public static ReconstructionEvaluation evaluate(Collection collection, List<String> edgeTypes, int threads) {
        PositionSpace space = space(collection);
        try (ReadView view = collection.snapshot()) {
            CollectionHierarchy h = CollectionHierarchy.read(view, edgeTypes.isEmpty() ? space.edgeTypes() : edgeTypes);
            double scale = Math.sqrt(space.curvature());
            double[] coordinates = new double[h.size() * space.coordinates()];
            for (int i = 0; i < h.size(); i++) {
                UUID id = h.ids().get(i);
                double[] x = view.positions().get(id, PositionKind.GRAPH).orElseThrow(() ->
                        new ManifoldException(ErrorCode.INVALID_ARGUMENT, "position.graph", "entity "
                                + view.entities().get(id).flatMap(e -> e.key()).orElse(id.toString())
                                + " is in the hierarchy but has no graph position; learn positions first", null));
                System.arraycopy(scaled(x, scale), 0, coordinates, i * space.coordinates(), space.coordinates());
            }
            return ReconstructionEvaluation.evaluate(h.hierarchy(), LorentzEmbedding.of(space.dimension(), coordinates),
                    threads);
        }
    }

    /** x times {@code factor}: a point moved to the hyperboloid of another curvature (x itself if the factor is 1). */
    static double[] scaled(double[] x, double factor) {
        if (factor == 1.0) {
            return x;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * factor;
        }
        return out;
    }
}
