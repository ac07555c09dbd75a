package io.hyperspatial.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.codec.ValueJson;
import io.hyperspatial.server.http.Json;
import io.hyperspatial.server.http.JsonInput;
import io.hyperspatial.server.operation.KnnQuery;
import io.hyperspatial.server.operation.KnnResult;
import io.hyperspatial.server.operation.KnnSearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/collections/{c}/search}: the k nearest entities in a dense vector field, or
 * by a kind of position ({@code "field": "position.graph"}), through the HNSW index.
 * <pre>{@code
 * {"field": "emb", "vector": [0.1, 0.2, 0.3] | "like": "KEY", "k": 10, "ef": 0,
 *  "wait_for_index": false, "properties": ["name"]}
 * }</pre>
 * {@code like} searches with that entity's own vector (or position) and leaves it out of the
 * results; a {@code vector} for a position index is a point of the Poincaré ball.
 * {@code wait_for_index} first waits until the index reflects every write acknowledged before
 * the search arrived. Results: key, id, distance and the requested properties. The search itself
 * is {@link KnnSearch}, shared with gRPC. A body of at most {@value #INLINE_BODY_BYTES} bytes is
 * read on the event loop, and a short vector search whose hits are in memory is answered there
 * too (saving two thread hand-offs); the rest runs on the blocking executor. Thread-safe.
 */
public final class SearchService {
    /** Larger bodies are parsed on the blocking executor (a 512-dimensional query is some 6 KiB of JSON). */
    static final int INLINE_BODY_BYTES = 16 * 1024;

    private final KnnSearch search;

    public SearchService(HyperspatialDatabase db) {
        this.search = new KnnSearch(db);
    }

    /** The query of a request body; shape errors name the member at fault. */
    private static KnnQuery read(JsonInput body) {
        JsonInput vector = body.get("vector");
        JsonInput like = body.get("like");
        if (vector.present() == like.present()) {
            throw body.invalid("needs exactly one of 'vector' and 'like'");
        }
        JsonInput properties = body.get("properties");
        return new KnnQuery(body.required("field").name(), vector.present() ? vector.floats() : null,
                like.present() ? like.name() : null, body.get("k").intIn(1, KnnQuery.MAX_K, KnnQuery.DEFAULT_K),
                body.get("ef").intIn(0, KnnQuery.MAX_EF, 0), body.get("wait_for_index").bool(false),
                properties.present() ? properties.names() : List.of());
    }

    @Post("/v1/collections/{collection}/search")
    @RequiresRole(Role.READ)
    public HttpResponse search(ServiceRequestContext ctx, @Param("collection") String name,
                               AggregatedHttpRequest request) {
        if (request.content().length() > INLINE_BODY_BYTES) {
            return HttpResponse.of(() -> {
                KnnQuery q = read(Json.body(request));
                return response(q, search.search(name, q));
            }, ctx.blockingTaskExecutor());
        }
        KnnQuery q = read(Json.body(request));
        CompletableFuture<KnnResult> result = search.search(name, q, ctx.blockingTaskExecutor());
        return result.isDone() ? response(q, result.join()) : HttpResponse.of(result.thenApply(r -> response(q, r)));
    }

    /** The results as JSON, written straight from the hits. */
    private static HttpResponse response(KnnQuery q, KnnResult result) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(128 + 96 * result.hits().size());
        try (JsonGenerator out = Json.MAPPER.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeArrayFieldStart("results");
            for (KnnResult.Hit h : result.hits()) {
                out.writeStartObject();
                out.writeStringField("key", h.key());
                out.writeStringField("id", h.id().toString());
                out.writeNumberField("distance", h.distance());
                if (!q.properties().isEmpty()) {
                    out.writeFieldName("properties");
                    out.writeTree(ValueJson.write(h.properties()));
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeNumberField("index_sequence", result.indexSequence());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search results", e);
        }
        return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, bytes.toByteArray());
    }
}
