package io.hyperspatial.bench.server;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.StoragePreset;
import io.hyperspatial.manifold.store.Directories;
import io.hyperspatial.server.HyperspatialServer;
import io.hyperspatial.server.ServerConfig;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP server under load on loopback, in one process: batch upserts of random vectors
 * (strict durability) through {@code POST /v1/collections/c/entities}, then k-NN searches through
 * from N concurrent clients over each protocol asked for in turn: {@code POST /v1/collections/c/search}
 * (Armeria's WebClient, HTTP/1.1 or h2c) or gRPC {@code SearchService/Search} (Armeria's gRPC
 * client). Reports upsert throughput, index catch-up time, search p50/p90/p99 and QPS as one JSON
 * line per protocol. Server and clients share the machine's cores, so the figures include the
 * client's cost.
 */
@Command(name = "http-bench", mixinStandardHelpOptions = true,
        description = "Batch-upsert and k-NN search throughput and latency of the HTTP server on loopback.")
public final class HttpBench implements Callable<Integer> {
    @Option(names = "--vectors", defaultValue = "100000", description = "Entities to load (default: ${DEFAULT-VALUE}).")
    int vectors;
    @Option(names = "--dimension", defaultValue = "32", description = "Cosine vector dimension (default: ${DEFAULT-VALUE}).")
    int dimension;
    @Option(names = "--batch", defaultValue = "1000", description = "Entities per upsert request (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--concurrency", defaultValue = "4", description = "Concurrent search clients (default: ${DEFAULT-VALUE}).")
    int concurrency;
    @Option(names = "--seconds", defaultValue = "20", description = "Measured search seconds (default: ${DEFAULT-VALUE}).")
    int seconds;
    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "-k", defaultValue = "10", description = "Neighbours per search (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--protocols", split = ",", defaultValue = "http1",
            description = "Protocols to search over, one after the other on the same data: http1 (JSON over HTTP/1.1),"
                    + " h2c (JSON over cleartext HTTP/2), grpc (SearchService over HTTP/2) (default: ${DEFAULT-VALUE}).")
    List<Protocol> protocols;

    /** How the search clients reach the server. */
    enum Protocol { http1, h2c, grpc }

    /**
     * How a search client waits: {@code threads}, a thread per client blocked on each answer (each
     * request then crosses from that thread to the client's event loop and back); {@code event-loop},
     * the next request sent from the event loop that received the answer, as load generators such
     * as wrk do (http1 and h2c only).
     */
    enum ClientMode { threads, event_loop }

    @Option(names = "--client", defaultValue = "threads", converter = ClientModeConverter.class,
            description = "threads (a blocked thread per client) or event-loop (the next request sent from the client's"
                    + " event loop; http1 and h2c only) (default: ${DEFAULT-VALUE}).")
    ClientMode clientMode;

    /** Reads {@code event-loop} as well as {@code event_loop}. */
    static final class ClientModeConverter implements CommandLine.ITypeConverter<ClientMode> {
        @Override
        public ClientMode convert(String value) {
            return ClientMode.valueOf(value.replace('-', '_'));
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HttpBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (clientMode == ClientMode.event_loop && protocols.contains(Protocol.grpc)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--client event-loop speaks http1 and h2c only");
        }
        Path dir = Files.createTempDirectory("hyperspatial-http-bench");
        try (HyperspatialServer server = HyperspatialServer.start(
                HyperspatialDatabase.open(dir, DatabaseOptions.preset(StoragePreset.DEFAULT)), ServerConfig.loopback(0))) {
            WebClient client = WebClient.builder("h1c://127.0.0.1:" + server.port())
                    .responseTimeout(Duration.ofMinutes(5)).build();
            post(client, "/v1/collections", "{\"name\": \"c\", \"entity_types\": {\"T\": {}}, \"vector_fields\": "
                    + "{\"v\": {\"dimension\": " + dimension + ", \"metric\": \"cosine\"}}}");
            Random random = new Random(42);
            long loadStart = System.nanoTime();
            for (int start = 0; start < vectors; start += batch) {
                long t0 = System.nanoTime();
                post(client, "/v1/collections/c/entities?durability=strict", batchBody(random, start, Math.min(batch, vectors - start)));
                if (System.getenv("HS_BENCH_TRACE") != null) {
                    System.err.println("batch at " + start + ": " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                }
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long indexStart = System.nanoTime();
            awaitIndex(client, "{\"field\": \"v\", \"vector\": " + SearchClient.json(vector(random))
                    + ", \"k\": 1, \"wait_for_index\": true}");
            double indexSeconds = (System.nanoTime() - indexStart) / 1e9;
            List<float[]> queries = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                queries.add(vector(random));
            }
            for (Protocol protocol : protocols) {
                SearchClient searches = SearchClient.of(protocol, server.port(), k, queries);
                run(searches, warmup);
                Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
                long searchStart = System.nanoTime();
                long count = run(searches, seconds, latencies);
                double searchSeconds = (System.nanoTime() - searchStart) / 1e9;
                System.out.println(String.format(Locale.ROOT,
                        "{\"bench\": \"http\", \"client\": \"%s\", \"vectors\": %d, \"dimension\": %d, \"batch\": %d, \"upsert_per_s\": %.0f,"
                                + " \"index_catch_up_s\": %.2f, \"protocol\": \"%s\", \"concurrency\": %d, \"k\": %d, \"searches\": %d,"
                                + " \"qps\": %.0f, \"p50_us\": %.1f, \"p90_us\": %.1f, \"p99_us\": %.1f, \"cores\": %d}",
                        clientMode.name().replace('_', '-'), vectors, dimension, batch, vectors / loadSeconds, indexSeconds, protocol, concurrency, k,
                        count, count / searchSeconds, latencies.getValueAtPercentile(50) / 1e3,
                        latencies.getValueAtPercentile(90) / 1e3, latencies.getValueAtPercentile(99) / 1e3,
                        Runtime.getRuntime().availableProcessors()));
            }
        } finally {
            Directories.deleteRecursively(dir);
        }
        return 0;
    }

    private long run(SearchClient client, int forSeconds) throws InterruptedException {
        return run(client, forSeconds, new Histogram(TimeUnit.MINUTES.toNanos(1), 3));
    }

    /** N clients search for {@code forSeconds}; returns the number of searches. */
    private long run(SearchClient client, int forSeconds, Histogram latencies) throws InterruptedException {
        return clientMode == ClientMode.event_loop ? runOnEventLoop(client, forSeconds, latencies)
                : runOnThreads(client, forSeconds, latencies);
    }

    /**
     * N chains of searches, each sending its next request from the callback of the previous answer
     * (on the client's event loop), so no client thread wakes per request.
     */
    private long runOnEventLoop(SearchClient client, int forSeconds, Histogram latencies) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Histogram> perChain = new ArrayList<>();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            CompletableFuture<Void> finished = new CompletableFuture<>();
            perChain.add(h);
            done.add(finished);
            chain(client, t * 97, h, stop, finished);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(forSeconds));
        stop.set(true);
        long count = 0;
        for (int t = 0; t < concurrency; t++) {
            done.get(t).join();
            latencies.add(perChain.get(t));
            count += perChain.get(t).getTotalCount();
        }
        return count;
    }

    private static void chain(SearchClient client, int i, Histogram h, AtomicBoolean stop, CompletableFuture<Void> finished) {
        long started = System.nanoTime();
        client.searchAsync(i).whenComplete((answer, error) -> {
            if (error != null) {
                finished.completeExceptionally(error);
                return;
            }
            h.recordValue(System.nanoTime() - started);
            if (stop.get()) {
                finished.complete(null);
            } else {
                chain(client, i + 1, h, stop, finished);
            }
        });
    }

    /** N client threads, each blocked on its answer before sending the next. */
    private long runOnThreads(SearchClient client, int forSeconds, Histogram latencies) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Histogram> perThread = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
            perThread.add(h);
            int offset = t * 97;
            threads.add(Thread.ofPlatform().name("http-bench-client-" + t).start(() -> {
                for (int i = offset; !stop.get(); i++) {
                    long started = System.nanoTime();
                    client.search(i);
                    h.recordValue(System.nanoTime() - started);
                }
            }));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(forSeconds));
        stop.set(true);
        long count = 0;
        for (int t = 0; t < threads.size(); t++) {
            threads.get(t).join();
            latencies.add(perThread.get(t));
            count += perThread.get(t).getTotalCount();
        }
        return count;
    }

    /**
     * Searches with {@code wait_for_index} until the index has caught up: the server waits at most
     * 30 s per request and answers {@code 503 index.behind} after that, which a loaded machine
     * reaches; gives up after ten such answers.
     */
    private static void awaitIndex(WebClient client, String search) {
        for (int attempt = 1; ; attempt++) {
            try {
                post(client, "/v1/collections/c/search", search);
                return;
            } catch (CompletionException e) {
                // join() wraps postAsync's IllegalStateException
                if (attempt == 10 || e.getCause() == null || !String.valueOf(e.getCause().getMessage()).contains("index.behind")) {
                    throw e;
                }
                System.err.println("[server-bench] index still behind after " + attempt * 30 + " s, waiting on");
            }
        }
    }

    static void post(WebClient client, String path, String json) {
        postAsync(client, path, json).join();
    }

    /** Posts JSON; the future fails on an answer of 300 or more. */
    static CompletableFuture<AggregatedHttpResponse> postAsync(WebClient client, String path, String json) {
        return client.execute(HttpRequest.of(RequestHeaders.of(HttpMethod.POST, path,
                HttpHeaderNames.CONTENT_TYPE, MediaType.JSON_UTF_8),
                HttpData.ofUtf8(json))).aggregate().thenApply(r -> {
                    if (r.status().code() >= 300) {
                        throw new IllegalStateException(path + " -> " + r.status() + " " + r.contentUtf8());
                    }
                    return r;
                });
    }

    private String batchBody(Random random, int start, int n) {
        StringBuilder b = new StringBuilder("{\"entities\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"key\": \"e").append(start + i).append("\", \"type\": \"T\", \"vectors\": {\"v\": ")
                    .append(SearchClient.json(vector(random))).append("}}");
        }
        return b.append("]}").toString();
    }

    private float[] vector(Random random) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
