package io.hyperspatial.server;

import com.linecorp.armeria.common.metric.MeterIdPrefixFunction;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.metric.MetricCollectingService;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.server.api.CollectionsService;
import io.hyperspatial.server.api.DigestService;
import io.hyperspatial.server.api.EdgesService;
import io.hyperspatial.server.api.EntitiesService;
import io.hyperspatial.server.api.HealthService;
import io.hyperspatial.server.api.ImportExportService;
import io.hyperspatial.server.api.MetricsService;
import io.hyperspatial.server.api.PositionsService;
import io.hyperspatial.server.api.QueryService;
import io.hyperspatial.server.api.SearchService;
import io.hyperspatial.server.auth.Authenticator;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.grpc.GrpcEndpoint;
import io.hyperspatial.server.http.ErrorMapper;
import io.hyperspatial.server.metrics.CollectionGauges;
import io.hyperspatial.server.operation.HyperQlQueries;
import io.hyperspatial.server.operation.PositioningJobs;
import io.hyperspatial.server.ws.ChangeFeedSocket;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The Hyperspatial server: one port serving the HTTP/JSON API under {@code /v1} (HTTP/1.1 and
 * cleartext HTTP/2), change feeds as WebSockets ({@link ChangeFeedSocket}) and gRPC
 * ({@link GrpcEndpoint}) over a {@link HyperspatialDatabase}, which it owns from {@link #start} on.
 * Every collection's indexer is started with the server (loading index snapshots), so searches
 * never wait for a first build and the indexing backlog is always visible.
 *
 * <p>{@link #close} shuts down gracefully: the port stops accepting, in-flight requests finish
 * (up to the drain timeout), a running positioning job is cancelled at its next epoch or write
 * batch, then the database closes, which writes the last index snapshots and
 * closes the storage. Thread-safe.
 */
public final class HyperspatialServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HyperspatialServer.class.getName());
    /** At shutdown, requests arriving within this period after the last one are still served. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(100);

    private final Server server;
    private final HyperspatialDatabase db;
    private final PositioningJobs jobs;
    private boolean closed;

    private HyperspatialServer(Server server, HyperspatialDatabase db, PositioningJobs jobs) {
        this.server = server;
        this.db = db;
        this.jobs = jobs;
    }

    /**
     * Starts serving {@code db} as {@code config} says and returns once the port is bound. On
     * failure the database is closed.
     */
    public static HyperspatialServer start(HyperspatialDatabase db, ServerConfig config) {
        try {
            for (String name : db.storage().collectionNames()) {
                db.indexer(name);
            }
            FrozenCollections frozen = FrozenCollections.load(db.storage().root(), db.storage().collectionNames());
            PositioningJobs jobs = new PositioningJobs(db, frozen);
            HyperQlQueries queries = new HyperQlQueries(db, frozen);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Authenticator authenticator = new Authenticator(config.apiKeys(), Set.of(HealthService.PATH));
            ServerBuilder sb = Server.builder()
                    .http(new InetSocketAddress(config.bind(), config.port()))
                    .meterRegistry(registry)
                    .maxRequestLength(config.maxRequestBytes())
                    .requestTimeout(config.requestTimeout())
                    .gracefulShutdownTimeout(QUIET_PERIOD, config.drainTimeout())
                    .errorHandler(new ErrorMapper())
                    .annotatedService(new HealthService(db))
                    .annotatedService(new CollectionsService(db, frozen))
                    .annotatedService(new EntitiesService(db, frozen))
                    .annotatedService(new EdgesService(db, frozen))
                    .annotatedService(new SearchService(db))
                    .annotatedService(new QueryService(queries))
                    .annotatedService(new DigestService(db))
                    .annotatedService(new PositionsService(jobs))
                    .annotatedService()
                    .maxRequestLength(config.maxImportBytes())
                    .requestTimeout(Duration.ZERO) // an import or export takes as long as its data does
                    .build(new ImportExportService(db, frozen))
                    .annotatedService(new MetricsService(registry, new CollectionGauges(db, registry)))
                    .service(ChangeFeedSocket.PATH, ChangeFeedSocket.service(db, ChangeFeedSocket.Limits.DEFAULT,
                            config.apiKeys() != null))
                    .decorator("prefix:/v1/", authenticator)
                    .service(GrpcEndpoint.service(db, frozen, queries, authenticator, config.maxRequestBytes()),
                            GrpcEndpoint::limitPerMessage)
                    .decorator(MetricCollectingService.newDecorator(MeterIdPrefixFunction.ofDefault("hyperspatial.http")));
            Server server = sb.build();
            server.start().join();
            HyperspatialServer s = new HyperspatialServer(server, db, jobs);
            LOG.info(() -> "serving " + db.storage().root() + " on http://" + s.address().getAddress().getHostAddress()
                    + ":" + s.port() + (config.apiKeys() == null ? " (no authentication)"
                    : " (" + config.apiKeys().size() + " API keys)"));
            return s;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.activeLocalPort();
    }

    public InetSocketAddress address() {
        return server.activePort().localAddress();
    }

    public HyperspatialDatabase database() {
        return db;
    }

    /** Stops accepting, drains in-flight requests, then closes the database. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop().join();
            jobs.close();
        } finally {
            db.close();
        }
    }
}
