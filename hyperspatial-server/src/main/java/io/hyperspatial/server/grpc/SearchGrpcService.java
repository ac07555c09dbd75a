package io.hyperspatial.server.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import io.grpc.stub.StreamObserver;
import io.hyperspatial.grpc.v1.BatchSearchRequest;
import io.hyperspatial.grpc.v1.BatchSearchResponse;
import io.hyperspatial.grpc.v1.SearchRequest;
import io.hyperspatial.grpc.v1.SearchResponse;
import io.hyperspatial.grpc.v1.SearchServiceGrpc;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.operation.KnnQuery;
import io.hyperspatial.server.operation.KnnSearch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static io.hyperspatial.server.grpc.CollectionGrpcService.finish;
import static io.hyperspatial.server.grpc.CollectionGrpcService.required;

/**
 * {@code hyperspatial.v1.SearchService} over {@link KnnSearch}: one query, or a batch of up to
 * {@value #MAX_QUERIES} answered in order in one call (a bad query fails the call, its index in
 * the error). Needs the read role. A single search starts on the event loop, where KnnSearch
 * answers a short vector query whose hits are in memory; the rest of it, and batches, run on the
 * blocking executor. Thread-safe.
 */
final class SearchGrpcService extends SearchServiceGrpc.SearchServiceImplBase {
    static final int MAX_QUERIES = 10_000;
    static final Map<String, Role> ROLES = Map.of(
            SearchServiceGrpc.getSearchMethod().getFullMethodName(), Role.READ,
            SearchServiceGrpc.getBatchSearchMethod().getFullMethodName(), Role.READ);

    private final KnnSearch search;

    SearchGrpcService(KnnSearch search) {
        this.search = search;
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> reply) {
        String collection = required("collection", request.getCollection());
        search.search(collection, query(request), ServiceRequestContext.current().blockingTaskExecutor())
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        finish(reply, ProtoReplies.search(result));
                    } else {
                        reply.onError(failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure);
                    }
                });
    }

    @Blocking
    @Override
    public void batchSearch(BatchSearchRequest request, StreamObserver<BatchSearchResponse> reply) {
        List<SearchRequest> queries = request.getQueriesList();
        if (queries.isEmpty() || queries.size() > MAX_QUERIES) {
            throw ApiException.invalid("queries", "'queries' must hold 1 to " + MAX_QUERIES + " queries, got " + queries.size());
        }
        BatchSearchResponse.Builder b = BatchSearchResponse.newBuilder();
        for (int i = 0; i < queries.size(); i++) {
            try {
                b.addResponses(run(queries.get(i)));
            } catch (ApiException e) {
                throw ApiException.forItem(i, e);
            } catch (ManifoldException e) {
                throw ApiException.at("queries[" + i + "]", i, e);
            }
        }
        finish(reply, b.build());
    }

    private SearchResponse run(SearchRequest r) {
        String collection = required("collection", r.getCollection());
        return ProtoReplies.search(search.search(collection, query(r)));
    }

    private static KnnQuery query(SearchRequest r) {
        return new KnnQuery(r.getField(), r.hasVector() ? floats(r.getVector().getValuesList()) : null,
                r.hasLike() ? r.getLike() : null, r.getK() == 0 ? KnnQuery.DEFAULT_K : clamp(r.getK()),
                clamp(r.getEf()), r.getWaitForIndex(), r.getPropertiesList());
    }

    /** An unsigned proto int as an int, out-of-range ones saturating so that the query's range check names them. */
    private static int clamp(int unsigned) {
        return unsigned < 0 ? Integer.MAX_VALUE : unsigned;
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
