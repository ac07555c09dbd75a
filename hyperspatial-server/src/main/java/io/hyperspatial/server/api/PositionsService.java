package io.hyperspatial.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.positioning.Repositioning;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.operation.PositioningJob;
import io.hyperspatial.server.operation.PositioningJobs;

import java.util.List;
import java.util.Locale;

/**
 * Re-positioning a collection over HTTP, as a background job:
 * <pre>{@code
 * POST   /v1/collections/{c}/positions       {"kind": "graph", "edge_types": ["hypernym"], "dims": 10,
 *                                              "epochs": 5, "seed": 42}        -> 202 + the job
 * GET    /v1/collections/{c}/positions/job   the newest job: state, phase, epoch, written…, result or error
 * DELETE /v1/collections/{c}/positions/job   asks it to stop at its next epoch or batch
 * }</pre>
 * {@code kind} is graph (default), embedding (needs {@code field}) or property; what is left out
 * comes from the declared space ({@link Repositioning}), so {@code {}} re-learns the graph
 * positions as they were set up. Starting and cancelling need the {@code write} role, the status
 * {@code read}. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class PositionsService {
    private final PositioningJobs jobs;

    public PositionsService(PositioningJobs jobs) {
        this.jobs = jobs;
    }

    @Post("/v1/collections/{collection}/positions")
    @RequiresRole(Role.WRITE)
    public HttpResponse start(@Param("collection") String name, AggregatedHttpRequest request) {
        PositioningJob job = jobs.submit(name, read(Json.body(request)));
        return Json.response(HttpStatus.ACCEPTED, write(job));
    }

    @Get("/v1/collections/{collection}/positions/job")
    @RequiresRole(Role.READ)
    public HttpResponse status(@Param("collection") String name) {
        return Json.ok(write(jobs.latest(name).orElseThrow(() -> noJob(name))));
    }

    @Delete("/v1/collections/{collection}/positions/job")
    @RequiresRole(Role.WRITE)
    public HttpResponse cancel(@Param("collection") String name) {
        return Json.ok(write(jobs.cancel(name).orElseThrow(() -> noJob(name))));
    }

    private static ApiException noJob(String name) {
        return new ApiException(HttpStatus.NOT_FOUND, ApiException.NO_JOB, "collection '" + name
                + "' has had no positioning job since the server started");
    }

    /** The request body; shape errors name the member at fault, nothing is queued. */
    private static Repositioning read(JsonInput body) {
        body.requireObject();
        PositionKind kind = kind(body.get("kind"));
        JsonInput dims = body.get("dims");
        JsonInput epochs = body.get("epochs");
        JsonInput edgeTypes = body.get("edge_types");
        JsonInput field = body.get("field");
        try {
            return new Repositioning(kind, dims.present() ? dims.intIn(1, Repositioning.MAX_DIMS, 0) : null,
                    edgeTypes.present() ? edgeTypes.names() : List.of(), field.present() ? field.name() : null,
                    epochs.present() ? epochs.intIn(0, 10_000, 0) : null, body.get("seed").present()
                            ? body.get("seed").integer() : 42);
        } catch (ManifoldException e) {
            throw ApiException.at(e.field().orElse("body"), null, e);
        }
    }

    private static PositionKind kind(JsonInput kind) {
        String name = kind.string("graph");
        for (PositionKind k : PositionKind.values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw kind.invalid("must be graph, embedding or property, got '" + name + "'");
    }

    static ObjectNode write(PositioningJob job) {
        ObjectNode out = Json.object();
        out.put("id", job.id().toString());
        out.put("collection", job.collection());
        out.put("kind", job.request().kind().name().toLowerCase(Locale.ROOT));
        out.put("state", job.state().name().toLowerCase(Locale.ROOT));
        out.put("phase", job.phase());
        out.put("epoch", job.epoch());
        out.put("epochs", job.epochs());
        out.put("written", job.written());
        out.put("total", job.total());
        out.put("submitted_at", job.submitted().toString());
        out.put("finished_at", job.finished() == null ? null : job.finished().toString());
        Repositioning.Outcome o = job.outcome();
        if (o != null) {
            ObjectNode result = out.putObject("result");
            result.put("dims", o.dims());
            result.put("entities", o.entities());
            result.put("closure_pairs", o.closurePairs());
            result.put("millis", o.millis());
            result.put("sequence", o.sequence());
        }
        if (job.errorCode() != null) {
            ObjectNode error = out.putObject("error");
            error.put("code", job.errorCode());
            error.put("message", job.errorMessage());
        }
        return out;
    }
}
