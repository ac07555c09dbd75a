package io.hyperspatial.server.operation;

import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.query.CollectionDataSource;
import io.hyperspatial.hyperql.Engine;
import io.hyperspatial.hyperql.PreparedStatement;
import io.hyperspatial.hyperql.Session;
import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HyperQL statements against the server's collections, for the HTTP and gRPC query endpoints.
 * Each collection has one {@link Engine}, so its plan cache serves every client. Queries and EXPLAIN
 * of one collection run at the same time, each on its own snapshot, also while a write runs;
 * writes (DML, DDL) of one collection run one at a time. Each request is a {@link Session} of its own,
 * so {@code last_insert_rowid()} and {@code changes()} read 0. Queries and EXPLAIN need the read role, everything else
 * (DML, DDL) write, and writes are refused on a frozen collection.
 *
 * <p>A statement is stopped ({@code HQL_TIMEOUT}) once the request's timeout has passed since it
 * arrived (the server's request timeout, or a gRPC deadline), or sooner when the caller asks for a
 * shorter one, and it is cancelled ({@code HQL_CANCELLED}) when the client goes away, so a runaway
 * query does not hold its collection. A stopped statement changed nothing. Blocking; thread-safe.
 */
public final class HyperQlQueries {
    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;
    private final Map<String, Engine> engines = new ConcurrentHashMap<>();

    public HyperQlQueries(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    /** A statement's result and the time it took, from its arrival at the engine to its last row. */
    public record Outcome(StatementResult result, double elapsedMs) {
    }

    /**
     * Runs one statement for the request in {@code ctx}.
     *
     * @param role      the caller's role as the authenticator set it (null: none, so only reads)
     * @param timeoutMs a timeout shorter than the request's own, or null for the request's own;
     *                  checked to lie in 1 .. the request timeout, else {@code request.invalid} naming {@code timeoutField}
     * @throws ApiException                                   a bad timeout, a missing role, an unknown or frozen collection
     * @throws io.hyperspatial.hyperql.error.HqlException      the statement failed, was cancelled or timed out
     */
    public Outcome run(ServiceRequestContext ctx, Role role, String collection, String sql, Map<String, Object> params,
                       Long timeoutMs, String timeoutField) {
        StatementControl control = control(ctx, timeoutMs, timeoutField);
        ctx.whenRequestCancelling().thenRun(control::cancel);
        long started = System.nanoTime();
        Engine engine = engine(collection);
        PreparedStatement statement = engine.prepare(sql);
        // a session per request: one client never reads another's last_insert_rowid() or changes()
        Session session = engine.openSession();
        StatementResult result;
        if (statement.readOnly()) {
            result = statement.execute(session, params, control);
        } else {
            if (role == null || !role.includes(Role.WRITE)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ApiException.FORBIDDEN, "this statement changes data or"
                        + " schema and needs the 'write' role; the API key has '" + (role == null ? "none" : role.displayName()) + "'");
            }
            result = frozen.write(collection, () -> statement.execute(session, params, control));
        }
        return new Outcome(result, (System.nanoTime() - started) / 1e6);
    }

    /** The collection's engine; a new one if the collection was dropped and created again meanwhile. */
    private Engine engine(String name) {
        Collection c = db.collection(name);
        return engines.compute(name, (n, existing) -> existing != null
                && ((CollectionDataSource) existing.source()).collection() == c ? existing
                : new Engine(new CollectionDataSource(c, () -> db.indexer(n), Durability.STRICT)));
    }

    /**
     * The statement's stop: the asked timeout, else what is left of the request's own timeout
     * (counted from its arrival); only a cancel when the request has no timeout.
     */
    private static StatementControl control(ServiceRequestContext ctx, Long askedMs, String field) {
        long requestMs = ctx.requestTimeoutMillis();
        long maxMs = requestMs > 0 ? requestMs : Long.MAX_VALUE;
        if (askedMs != null) {
            if (askedMs < 1 || askedMs > maxMs) {
                throw ApiException.invalid(field, "'" + field + "' must be in 1.." + maxMs + " (the request timeout), got " + askedMs);
            }
            return StatementControl.withTimeout(Duration.ofMillis(askedMs));
        }
        if (requestMs <= 0) {
            return StatementControl.cancellable();
        }
        long leftNanos = Duration.ofMillis(requestMs).toNanos() - (System.nanoTime() - ctx.log().partial().requestStartTimeNanos());
        return StatementControl.withTimeout(Duration.ofNanos(Math.max(1, leftNanos)));
    }
}
