package io.hyperspatial.hyperql.source;

import java.util.List;

/**
 * A data source's optional ability to place its rows in hyperbolic space again as a whole, what
 * {@code REPOSITION} asks for (see {@link DataSource#repositioner()}). The source decides what a
 * position is and where it is kept; the engine only passes the request and reports the outcome.
 */
public interface Repositioner {
    /** Which positions. */
    enum Kind {
        /** Learned from a hierarchy of edges. */
        GRAPH,
        /** Mapped from a dense vector column. */
        EMBEDDING,
        /** Mapped from a fingerprint of each row's values. */
        PROPERTY
    }

    /**
     * What a {@code REPOSITION} statement asks for; a null or empty part is the source's choice
     * (typically what its declared positions of that kind use).
     *
     * @param kind       which positions
     * @param edgeTypes  graph: the hierarchy's edge types
     * @param field      embedding: the vector column the positions come from
     * @param dimensions spatial dimensions
     * @param epochs     graph: refinement epochs
     * @param seed       the same seed and data give the same positions
     */
    record Request(Kind kind, List<String> edgeTypes, String field, Integer dimensions, Integer epochs, Long seed) {
        public Request {
            edgeTypes = List.copyOf(edgeTypes);
        }
    }

    /** What was done: the positions' kind and dimensions, how many rows were placed, from how many hierarchy pairs, in how long. */
    record Outcome(Kind kind, int dimensions, long entities, long closurePairs, long millis) {
    }

    /** {@link #reposition(Request, Runnable)} that nothing stops. */
    default Outcome reposition(Request request) {
        return reposition(request, () -> { });
    }

    /**
     * Places every row again, synchronously, as one change of the source. The source calls
     * {@code stopCheck} between steps of its computation (e.g. each learning epoch), before it
     * writes anything; whatever {@code stopCheck} throws ends the run with nothing repositioned.
     *
     * @throws io.hyperspatial.hyperql.error.HqlException naming what is wrong with the request, or
     *                                                    as thrown by {@code stopCheck}
     */
    Outcome reposition(Request request, Runnable stopCheck);
}
