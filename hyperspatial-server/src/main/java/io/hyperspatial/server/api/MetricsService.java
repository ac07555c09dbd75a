package io.hyperspatial.server.api;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Get;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.metrics.CollectionGauges;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /v1/metrics}: Prometheus text format. HTTP requests per route, method and status
 * with latencies (Armeria's metric collection, prefix {@code hyperspatial_http}) and the
 * {@link CollectionGauges}, refreshed on each scrape. Thread-safe.
 */
@Blocking
public final class MetricsService {
    private static final MediaType PROMETHEUS = MediaType.parse("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;
    private final CollectionGauges gauges;

    public MetricsService(PrometheusMeterRegistry registry, CollectionGauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    @Get("/v1/metrics")
    @RequiresRole(Role.READ)
    public HttpResponse metrics() {
        gauges.refresh();
        return HttpResponse.of(HttpStatus.OK, PROMETHEUS, registry.scrape());
    }
}
