package io.hyperspatial.bench.server;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.hyperspatial.grpc.v1.DenseVector;
import io.hyperspatial.grpc.v1.SearchRequest;
import io.hyperspatial.grpc.v1.SearchServiceGrpc;

import java.time.Duration;
import java.util.Locale;

/** One k-NN search on field {@code v} of collection {@code c}, over one of {@link HttpBench}'s protocols. Thread-safe. */
interface SearchClient {
    /** Searches with {@code query}, failing loudly on an error answer. */
    void search(float[] query);

    static SearchClient of(HttpBench.Protocol protocol, int port, int k) {
        return switch (protocol) {
            case http1, h2c -> {
                WebClient web = WebClient.builder((protocol == HttpBench.Protocol.h2c ? "h2c" : "h1c") + "://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofMinutes(5)).build();
                yield query -> HttpBench.post(web, "/v1/collections/c/search",
                        "{\"field\": \"v\", \"vector\": " + json(query) + ", \"k\": " + k + "}");
            }
            case grpc -> {
                SearchServiceGrpc.SearchServiceBlockingStub stub = GrpcClients.builder("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofMinutes(5)).build(SearchServiceGrpc.SearchServiceBlockingStub.class);
                yield query -> {
                    DenseVector.Builder v = DenseVector.newBuilder();
                    for (float f : query) {
                        v.addValues(f);
                    }
                    stub.search(SearchRequest.newBuilder().setCollection("c").setField("v").setVector(v).setK(k).build());
                };
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
