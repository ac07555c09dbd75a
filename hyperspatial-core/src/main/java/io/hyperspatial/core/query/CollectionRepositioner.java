package io.hyperspatial.core.query;

import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.Repositioning;
import io.hyperspatial.core.positioning.WriteProgress;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.Repositioner;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.schema.PositionSpace;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorKind;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HyperQL's {@code REPOSITION} over a collection: the statement's request becomes one
 * {@link Repositioning} run, the same run as the CLI's {@code position} command and the server's
 * positions job, on the statement's thread with every core. Names are matched as SQL matches them
 * (case-insensitively) and what cannot apply is refused with a HyperQL code before anything is
 * computed: an unknown edge type ({@code HQL_UNKNOWN_TABLE}), a column that is not a dense vector
 * column ({@code HQL_UNKNOWN_COLUMN}), graph positions with no edge types given or declared, or a
 * dimension other than the declared space's ({@code HQL_UNSUPPORTED}). Default seed 42. Stateless.
 */
final class CollectionRepositioner implements Repositioner {
    static final long DEFAULT_SEED = 42;

    private final Collection collection;

    CollectionRepositioner(Collection collection) {
        this.collection = collection;
    }

    @Override
    public Outcome reposition(Request request, Runnable stopCheck) {
        stopCheck.run();
        Schema schema = collection.schema();
        PositionKind kind = PositionKind.valueOf(request.kind().name());
        List<String> edgeTypes = new ArrayList<>();
        for (String t : request.edgeTypes()) {
            edgeTypes.add(SqlCatalog.declaredName(schema.edgeTypes().keySet(), t).orElseThrow(
                    () -> new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such edge type: " + t)));
        }
        Optional<PositionSpace> declared = schema.positionSpace(kind);
        if (kind == PositionKind.GRAPH && edgeTypes.isEmpty() && declared.isEmpty()) {
            throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "collection '" + collection.name()
                    + "' has no graph positions yet: name the hierarchy's edge types with USING EDGE TYPE");
        }
        if (request.dimensions() != null && declared.isPresent() && declared.get().dimension() != request.dimensions()) {
            throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "collection '" + collection.name() + "' keeps "
                    + request.kind().name().toLowerCase(java.util.Locale.ROOT) + " positions of " + declared.get().dimension()
                    + " dimensions, and a position space's dimension is fixed: leave DIMENSIONS out or give "
                    + declared.get().dimension());
        }
        String field = request.field() == null ? null : denseField(schema, request.field());
        Repositioning run = new Repositioning(kind, request.dimensions(), edgeTypes, field, request.epochs(),
                request.seed() == null ? DEFAULT_SEED : request.seed());
        // every progress event (the construction's start, each epoch, the end of learning) comes
        // before the first position is written, so a stop there leaves every position as it was
        ProgressListener stops = event -> stopCheck.run();
        Repositioning.Outcome o = StorageErrors.translate(() -> run.run(collection, Runtime.getRuntime().availableProcessors(),
                System.currentTimeMillis(), stops, WriteProgress.NONE));
        return new Outcome(request.kind(), o.dims(), o.entities(), o.closurePairs(), o.millis());
    }

    private static String denseField(Schema schema, String column) {
        String name = SqlCatalog.declaredName(schema.vectorFields().keySet(), column).orElse(null);
        VectorField f = name == null ? null : schema.vectorFields().get(name);
        if (f == null || f.kind() != VectorKind.DENSE) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_COLUMN, "no dense vector column " + column
                    + " to take embedding positions from");
        }
        return name;
    }
}
