package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One explicit re-positioning of a whole collection, as the server's HTTP API and HyperQL's
 * {@code REPOSITION} ask for it: graph positions learned again from the hierarchy (the global
 * re-optimisation that incremental placement defers), or embedding / property positions mapped
 * again from every entity. What is not given is taken from the collection's declared space of
 * that kind, so {@code REPOSITION} alone re-learns graph positions as they were set up.
 *
 * @param kind      which positions
 * @param dims      spatial dimensions; null: the declared space's, else {@link #DEFAULT_DIMS}
 * @param edgeTypes graph: the hierarchy's edge types; empty: the declared space's
 * @param field     embedding: the dense vector field (required)
 * @param epochs    graph: refinement epochs; null: the tuned default
 * @param seed      the same seed and data give the same positions
 */
public record Repositioning(PositionKind kind, Integer dims, List<String> edgeTypes, String field, Integer epochs,
                            long seed) {
    /** Dimensions of a space declared by a first run that does not say. */
    public static final int DEFAULT_DIMS = 16;
    /** The most spatial dimensions a run may ask for. */
    public static final int MAX_DIMS = 1024;

    public Repositioning {
        Objects.requireNonNull(kind, "kind");
        edgeTypes = List.copyOf(edgeTypes);
        if (dims != null && (dims < 1 || dims > MAX_DIMS)) {
            throw invalid("dims", "dims must be between 1 and " + MAX_DIMS + ", got " + dims);
        }
        if (epochs != null && (epochs < 0 || epochs > 10_000)) {
            throw invalid("epochs", "epochs must be between 0 and 10000, got " + epochs);
        }
        if (kind != PositionKind.GRAPH && (!edgeTypes.isEmpty() || epochs != null)) {
            throw invalid("edge_types", "edge types and epochs apply to graph positions, not " + name(kind));
        }
        if (kind == PositionKind.EMBEDDING && field == null) {
            throw invalid("field", "embedding positions need the dense vector field they come from");
        }
        if (kind != PositionKind.EMBEDDING && field != null) {
            throw invalid("field", "a vector field applies to embedding positions, not " + name(kind));
        }
    }

    /** Re-learns the graph positions of the declared space, with its edge types and dimension. */
    public static Repositioning graph() {
        return new Repositioning(PositionKind.GRAPH, null, List.of(), null, null, 42);
    }

    /** What a run did. */
    public record Outcome(PositionKind kind, int dims, int entities, long closurePairs, long millis, long sequence) {
    }

    /**
     * Runs it on the caller's thread: reads one snapshot, computes, writes every position (each
     * extending its entity's trajectory) at {@code timeMillis}.
     *
     * @param threads worker threads for graph learning
     * @throws ManifoldException {@code invalid_argument} when graph positions have no edge types
     *                           (none given, none declared) or the hierarchy has no edges
     */
    public Outcome run(Collection collection, int threads, long timeMillis, ProgressListener progress,
                       WriteProgress written) {
        check(collection);
        Optional<PositionSpace> declared = collection.schema().positionSpace(kind);
        int d = dims != null ? dims : declared.map(PositionSpace::dimension).orElse(DEFAULT_DIMS);
        long started = System.nanoTime();
        return switch (kind) {
            case GRAPH -> {
                GraphPositioner.declare(collection, d, hierarchyTypes(declared));
                EmbeddingConfig config = EmbeddingConfig.defaults().withSeed(seed).withDims(d).withThreads(threads);
                if (epochs != null) {
                    config = config.withEpochs(epochs);
                }
                GraphPositioner.Learned l = GraphPositioner.learn(collection, config, progress, timeMillis, written);
                yield new Outcome(kind, d, l.nodes(), l.closurePairs(), millisSince(started), l.sequence());
            }
            case EMBEDDING -> mapped(VectorPositioner.fromField(collection, field, d, seed, timeMillis, written), d,
                    started);
            case PROPERTY -> mapped(VectorPositioner.fromProperties(collection, d, seed, timeMillis, written), d,
                    started);
        };
    }

    /**
     * Checks what can be checked against the collection before a run: graph positions have edge
     * types (given or declared) that the schema knows, an embedding's field is a dense vector
     * field, and a given dimension agrees with a declared space (a space's dimension is fixed).
     *
     * @throws ManifoldException {@code invalid_argument}, {@code unknown_field}, {@code schema_conflict}…
     */
    public void check(Collection collection) {
        Optional<PositionSpace> declared = collection.schema().positionSpace(kind);
        if (dims != null && declared.isPresent() && declared.get().dimension() != dims) {
            throw new ManifoldException(ErrorCode.SCHEMA_CONFLICT, "dims", "collection '" + collection.name()
                    + "' declares " + name(kind) + " of " + declared.get().dimension() + " dimensions, not " + dims, null);
        }
        if (kind == PositionKind.GRAPH) {
            List<String> types = hierarchyTypes(declared);
            if (types.isEmpty()) {
                throw invalid("edge_types", "collection '" + collection.name()
                        + "' declares no graph positions: name the edge types of the hierarchy");
            }
            for (String t : types) {
                if (!collection.schema().edgeTypes().containsKey(t)) {
                    throw invalid("edge_types", "collection '" + collection.name() + "' has no edge type '" + t + "'");
                }
            }
        } else if (kind == PositionKind.EMBEDDING) {
            collection.schema().vectorField(field);
        }
    }

    /** The graph hierarchy's edge types: those given, else the declared space's (possibly none). */
    private List<String> hierarchyTypes(Optional<PositionSpace> declared) {
        return !edgeTypes.isEmpty() ? edgeTypes : declared.map(PositionSpace::edgeTypes).orElse(List.of());
    }

    private static Outcome mapped(VectorPositioner.Mapped m, int dims, long started) {
        return new Outcome(m.kind(), dims, m.entities(), 0, millisSince(started), m.sequence());
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String name(PositionKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " positions";
    }

    private static ManifoldException invalid(String field, String message) {
        return new ManifoldException(ErrorCode.INVALID_ARGUMENT, field, message, null);
    }
}
