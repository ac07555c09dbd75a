package io.hyperspatial.bench.server;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.SearchRequest;
import io.hyperspatial.grpc.v1.SearchServiceGrpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * k-NN searches on field {@code v} of collection {@code c}, over one of {@link HttpBench}'s
 * protocols. Each query's request (JSON text or protobuf message) is built once, up front, so
 * that the latencies measured are those of the exchange, not of formatting the request (32
 * {@code String.format} calls took 7 to 15 µs per request on the loaded 2-core machine). Thread-safe.
 */
interface SearchClient {
    /** Searches with query {@code i} (modulo the number of queries), failing loudly on an error answer. */
    void search(int i);

    /**
     * Sends search {@code i} without waiting; the future completes on the client's event loop when
     * the answer has come (exceptionally on an error answer). Only the HTTP clients have it.
     */
    default CompletableFuture<?> searchAsync(int i) {
        throw new UnsupportedOperationException("the event-loop client speaks http1 and h2c only");
    }

    static SearchClient of(HttpBench.Protocol protocol, int port, int k, List<float[]> queries) {
        return switch (protocol) {
            case http1, h2c -> {
                WebClient web = WebClient.builder((protocol == HttpBench.Protocol.h2c ? "h2c" : "h1c") + "://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofMinutes(5)).build();
                List<String> bodies = new ArrayList<>(queries.size());
                for (float[] query : queries) {
                    bodies.add("{\"field\": \"v\", \"vector\": " + json(query) + ", \"k\": " + k + "}");
                }
                yield new SearchClient() {
                    @Override
                    public void search(int i) {
                        HttpBench.post(web, "/v1/collections/c/search", bodies.get(i % bodies.size()));
                    }

                    @Override
                    public CompletableFuture<?> searchAsync(int i) {
                        return HttpBench.postAsync(web, "/v1/collections/c/search", bodies.get(i % bodies.size()));
                    }
                };
            }
            case grpc -> {
                SearchServiceGrpc.SearchServiceBlockingStub stub = GrpcClients.builder("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofMinutes(5)).build(SearchServiceGrpc.SearchServiceBlockingStub.class);
                List<SearchRequest> requests = new ArrayList<>(queries.size());
                for (float[] query : queries) {
                    DenseVector.Builder v = DenseVector.newBuilder();
                    for (float f : query) {
                        v.addValues(f);
                    }
                    requests.add(SearchRequest.newBuilder().setCollection("c").setField("v").setVector(v).setK(k).build());
                }
                yield i -> stub.search(requests.get(i % requests.size()));
            }
        };
    }

    /** A vector as JSON, five decimals per component (what the HTTP clients send). */
    static String json(float[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", v[i]));
        }
        return b.append(']').toString();
    }
}
