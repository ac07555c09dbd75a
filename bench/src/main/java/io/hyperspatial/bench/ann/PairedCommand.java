package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.eval.AnnDataset;
import io.hyperspatial.core.index.eval.AnnEvaluation;
import io.hyperspatial.core.index.eval.AnnSubject;
import io.hyperspatial.core.index.eval.JsonLine;
import io.hyperspatial.core.index.hnsw.HnswIndex;
import io.hyperspatial.core.index.hnsw.HnswOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code paired}: our HNSW and native hnswlib ({@code bench/peers/hnswlib_peer.cpp} in its
 * {@code serve} mode) on one data set in one run, their timed query passes alternated round by
 * round, so that both see the same moments of a shared machine. Single runs one after the other
 * were useless for ratios there (the same peer's QPS moved 54,000 → 78,000 between two runs).
 *
 * <p>Ours is built first, then the peer (each timed, one after the other); both warm up; then
 * each round times one pass of each at its ef (every query once, repeated for at least
 * {@code --pass-seconds}), the one going first switching every round. Prints one JSON line per
 * build, one per round ({@code ours_qps}, {@code peer_qps}, {@code ratio} = ours ÷ peer) and a
 * summary with the medians and the median of the per-round ratios, the figure to quote.
 */
@Command(name = "paired", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Ours and native hnswlib on one data set, query passes alternated round by round.")
final class PairedCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data set directory (see generate).")
    private Path data;

    @Option(names = "--peer", required = true, paramLabel = "EXE", description = "The built hnswlib_peer executable.")
    private Path peer;

    @Option(names = "--m", defaultValue = "16", description = "Links per node (default ${DEFAULT-VALUE}).")
    private int m;

    @Option(names = "--ef-construction", defaultValue = "200", description = "Build beam width (default ${DEFAULT-VALUE}).")
    private int efConstruction;

    @Option(names = "--threads", defaultValue = "2", description = "Build threads (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--ef", defaultValue = "10", description = "Our search beam width (default ${DEFAULT-VALUE}).")
    private int ef;

    @Option(names = "--peer-ef", description = "The peer's search beam width (default: --ef).")
    private Integer peerEf;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--rounds", defaultValue = "9", description = "Alternated rounds (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--pass-seconds", defaultValue = "0.5",
            description = "Least time of one timed pass (default ${DEFAULT-VALUE}).")
    private double passSeconds;

    @Option(names = "--keep-pruned-connections", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Fill our free link slots with the candidates the selection heuristic rejected "
                    + "(default ${DEFAULT-VALUE}, as every index is built); false links by the heuristic alone, "
                    + "as hnswlib does, and names our subject hnsw_heuristic_only.")
    private boolean keepPrunedConnections;

    @Option(names = "--out", paramLabel = "FILE", description = "Also append the JSON lines to this file.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || ef < 1 || k < 1 || !(passSeconds > 0)) {
            throw new IllegalArgumentException("--rounds, --ef and --k must be positive and --pass-seconds above 0");
        }
        int theirEf = peerEf != null ? peerEf : ef;
        AnnDataset dataset = DatasetDirectory.read(data);
        IndexConfig config = new IndexConfig(dataset.metric(), dataset.dimension(), m, efConstruction, ef,
                Quantization.NONE, 1.0);
        try (BufferedWriter file = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Output output = new Output(file);
            System.err.println("ann paired: building ours on " + data.getFileName());
            long start = System.nanoTime();
            try (AnnSubject ours = AnnSubject.of(build(config, dataset.base()))) {
                String subject = keepPrunedConnections ? "hnsw" : "hnsw_heuristic_only";
                output.line(new JsonLine().put("subject", subject).put("build_s", (System.nanoTime() - start) / 1e9)
                        .put("memory_bytes", ours.memoryBytes()).put("metric", config.metric().displayName())
                        .put("n", dataset.base().length).put("threads", threads).toString());
                System.err.println("ann paired: building the peer");
                Process process = new ProcessBuilder(peer.toString(), data.toString(), Integer.toString(m),
                        Integer.toString(efConstruction), Integer.toString(threads), Integer.toString(k),
                        Integer.toString(theirEf), "serve").redirectError(ProcessBuilder.Redirect.INHERIT).start();
                try (Peer nativePeer = new Peer(process)) {
                    output.line(nativePeer.readLine());
                    warmUp(ours, dataset);
                    nativePeer.expectReady();
                    compare(ours, nativePeer, dataset, theirEf, output);
                }
            }
        }
        return 0;
    }

    private HnswIndex build(IndexConfig config, float[][] base) {
        int[] ids = new int[base.length];
        Arrays.setAll(ids, i -> i);
        HnswIndex index = new HnswIndex(config, HnswOptions.DEFAULT.withKeepPrunedConnections(keepPrunedConnections));
        index.addAll(ids, base, threads);
        return index;
    }

    private void warmUp(AnnSubject ours, AnnDataset dataset) {
        long until = System.nanoTime() + (long) (AnnEvaluation.WARMUP_SECONDS * 1e9);
        for (int passes = 0; passes < 2 || System.nanoTime() < until; passes++) {
            ourPass(ours, dataset, 0);
        }
    }

    private void compare(AnnSubject ours, Peer peerProcess, AnnDataset dataset, int theirEf, Output output)
            throws IOException {
        double[] ourQps = new double[rounds];
        double[] theirQps = new double[rounds];
        double[] ratios = new double[rounds];
        double[] ourP50 = new double[rounds];
        double[] theirP50 = new double[rounds];
        double ourRecall = 0;
        double theirRecall = 0;
        for (int r = 0; r < rounds; r++) {
            boolean oursFirst = r % 2 == 0;
            Map<String, Object> theirs = oursFirst ? null : peerProcess.pass(theirEf, passSeconds);
            Pass mine = ourPass(ours, dataset, passSeconds);
            if (oursFirst) {
                theirs = peerProcess.pass(theirEf, passSeconds);
            }
            ourQps[r] = mine.qps;
            ourP50[r] = mine.p50Us;
            ourRecall = mine.recall;
            theirQps[r] = number(theirs, "qps");
            theirP50[r] = number(theirs, "p50_us");
            theirRecall = number(theirs, "recall");
            ratios[r] = ourQps[r] / theirQps[r];
            output.line(new JsonLine().put("round", r + 1).put("first", oursFirst ? "hnsw" : "hnswlib_cpp")
                    .put("ours_qps", ourQps[r]).put("peer_qps", theirQps[r]).put("ratio", ratios[r])
                    .put("ours_p50_us", ourP50[r]).put("peer_p50_us", theirP50[r]).toString());
        }
        output.line(new JsonLine().put("summary", "paired").put("rounds", rounds).put("ef", ef).put("peer_ef", theirEf)
                .put("ours_recall", ourRecall).put("peer_recall", theirRecall)
                .put("ours_qps_median", median(ourQps)).put("peer_qps_median", median(theirQps))
                .put("ratio_median", median(ratios)).put("ratio_min", Arrays.stream(ratios).min().orElseThrow())
                .put("ratio_max", Arrays.stream(ratios).max().orElseThrow())
                .put("ours_p50_us_median", median(ourP50)).put("peer_p50_us_median", median(theirP50)).toString());
    }

    /** One timed pass of ours: every query once, repeated until {@code seconds} have passed. */
    private Pass ourPass(AnnSubject ours, AnnDataset dataset, double seconds) {
        float[][] queries = dataset.queries();
        long[] nanos = new long[queries.length];
        int timed = 0;
        int[][] found = new int[queries.length][];
        long start = System.nanoTime();
        long minimum = (long) (seconds * 1e9);
        long elapsed;
        int passes = 0;
        do {
            for (int q = 0; q < queries.length; q++) {
                long t0 = System.nanoTime();
                int[] hits = ours.search(queries[q], k, ef, null);
                long took = System.nanoTime() - t0;
                if (timed == nanos.length) {
                    nanos = Arrays.copyOf(nanos, timed * 2);
                }
                nanos[timed++] = took;
                if (passes == 0) {
                    found[q] = hits;
                }
            }
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minimum);
        long[] sorted = Arrays.copyOf(nanos, timed);
        Arrays.sort(sorted);
        return new Pass(sorted.length / (elapsed / 1e9), sorted[(sorted.length - 1) / 2] / 1e3,
                AnnEvaluation.recall(found, dataset.truth(), k));
    }

    private static double number(Map<String, Object> line, String name) {
        Object v = line.get(name);
        if (!(v instanceof Double d)) {
            throw new IllegalStateException("the peer's line has no number '" + name + "': " + line);
        }
        return d;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private record Pass(double qps, double p50Us, double recall) {
    }

    /** The peer process: one request line in, one JSON line out. */
    private static final class Peer implements AutoCloseable {
        private final Process process;
        private final BufferedReader in;
        private final BufferedWriter requests;

        Peer(Process process) {
            this.process = process;
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        String readLine() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the peer ended early (exit " + waitExit() + "); its messages are above");
            }
            return line;
        }

        void expectReady() throws IOException {
            String line = readLine();
            if (!Boolean.TRUE.equals(FlatJson.parse(line).get("ready"))) {
                throw new IOException("expected the peer's ready line, got: " + line);
            }
        }

        Map<String, Object> pass(int ef, double seconds) throws IOException {
            requests.write(ef + " " + seconds + "\n");
            requests.flush();
            return FlatJson.parse(readLine());
        }

        private int waitExit() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() throws IOException {
            requests.close();
            waitExit();
        }
    }

    /** Prints lines to stdout and, when given, appends them to a file. */
    private record Output(BufferedWriter file) {
        void line(String line) throws IOException {
            System.out.println(line);
            System.out.flush();
            if (file != null) {
                file.write(line);
                file.newLine();
                file.flush();
            }
        }
    }
}
