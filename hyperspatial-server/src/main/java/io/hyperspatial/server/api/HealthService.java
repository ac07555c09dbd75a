package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.annotation.Get;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.server.http.Json;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /v1/health}: 200 {@code {"status": "ok", ...}} while the server serves. Needs no API
 * key, so load balancers and probes can call it; it tells nothing about the data but the number
 * of collections. Thread-safe.
 */
public final class HealthService {
    /** The path, open without a key. */
    public static final String PATH = "/v1/health";

    private final HyperspatialDatabase db;
    private final Instant started = Instant.now();

    public HealthService(HyperspatialDatabase db) {
        this.db = db;
    }

    @Get(PATH)
    public HttpResponse health() {
        ObjectNode out = Json.object();
        out.put("status", "ok");
        out.put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
        out.put("collections", db.storage().collectionNames().size());
        return Json.ok(out);
    }
}
