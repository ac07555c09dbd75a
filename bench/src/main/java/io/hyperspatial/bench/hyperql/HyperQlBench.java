package io.hyperspatial.bench.hyperql;

import io.hyperspatial.bench.storage.JsonObject;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * HyperQL against SQLite and H2 on the same data in the same run (issue 4's targets): loads the
 * seeded {@link BenchDataset} into each system, checks that they answer alike, then times the five
 * {@link BenchQuery}s on every system, prepared once, in several rounds whose system order
 * rotates. Reports per query the median over rounds of p50 and p99 in µs, the ratios of ours to
 * each peer, and whether each target is met. JSON Lines go to stdout (and {@code --out}): a
 * {@code run} object, one object per query, a {@code targets} object; a Markdown table and
 * progress go to stderr.
 */
@Command(name = "hyperql-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times HyperQL, SQLite and H2 on the same five queries over the same data.")
public final class HyperQlBench implements Callable<Integer> {
    static final String OURS = "hyperspatial";
    static final String SQLITE = "sqlite";
    static final String H2 = "h2";
    private static final int CHECKS = 20;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of item (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--owners", description = "Rows of owner (default: rows / 100).")
    Integer owners;

    @Option(names = "--dim", defaultValue = "16", description = "Dimension of item.emb (default ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds; medians over them are reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Multiplies every query's executions per round (default ${DEFAULT-VALUE}; at least 3 each).")
    double scale;

    @Option(names = "--max-seconds", defaultValue = "30",
            description = "A query on one system in one round stops after this many seconds, once it ran 3 times (default ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of data and parameters (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the databases are made (and deleted). Default: bench/target.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON Lines report here.")
    Path out;

    @Option(names = "--queries", split = ",", paramLabel = "QUERY",
            description = "Only these queries, comma-separated: point, range, group_by, join, knn, walk (default: all)."
                    + " Without knn, ours does not build its vector index.")
    List<BenchQuery> queries = List.of(BenchQuery.values());

    public static void main(String[] args) {
        System.exit(new CommandLine(new HyperQlBench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<JsonObject> report = run(System.err);
        try (PrintStream file = out == null ? null : new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
            for (JsonObject line : report) {
                System.out.println(line);
                if (file != null) {
                    file.println(line);
                }
            }
        }
        return 0;
    }

    /** Loads, checks and times everything; returns the report lines. Progress goes to {@code log}. */
    List<JsonObject> run(PrintStream log) throws Exception {
        List<BenchQuery> selected = selectedQueries();
        BenchDataset data = new BenchDataset(rows, owners != null ? owners : Math.max(1, rows / 100), dim, seed);
        Path base = dir != null ? dir : Path.of("bench", "target");
        Files.createDirectories(base);
        Path work = Files.createTempDirectory(base, "hyperql-bench-");
        double loadBefore = loadAverage();
        long started = System.nanoTime();
        Map<String, QuerySubject.LoadResult> loads = new java.util.LinkedHashMap<>();
        List<QuerySubject> subjects = new ArrayList<>();
        try {
            subjects.add(HyperspatialSubject.open(Files.createDirectories(work.resolve(OURS)), selected.contains(BenchQuery.KNN)));
            subjects.add(JdbcSubject.open(JdbcSubject.Kind.SQLITE, Files.createDirectories(work.resolve(SQLITE))));
            subjects.add(JdbcSubject.open(JdbcSubject.Kind.H2, Files.createDirectories(work.resolve(H2))));
            for (QuerySubject s : subjects) {
                log.printf("loading %s: %,d items, %,d owners, %d-d vectors%n", s.name(), data.rows(), data.owners(), data.dim());
                QuerySubject.LoadResult load = s.load(data);
                loads.put(s.name(), load);
                log.printf("  %.1f s (of which %.1f s building indexes after the rows)%n", load.seconds(), load.indexSeconds());
            }
            Map<BenchQuery, Map<String, QuerySubject.PreparedQuery>> prepared = new EnumMap<>(BenchQuery.class);
            for (BenchQuery q : selected) {
                Map<String, QuerySubject.PreparedQuery> bySystem = new java.util.LinkedHashMap<>();
                for (QuerySubject s : subjects) {
                    bySystem.put(s.name(), s.prepare(q));
                }
                prepared.put(q, bySystem);
            }
            double recall = check(data, selected, prepared, log);
            QueryTimings timings = time(data, selected, prepared, subjects.stream().map(QuerySubject::name).toList(), log);
            List<JsonObject> lines = new ArrayList<>();
            lines.add(runLine(data, loads, recall, loadBefore, (System.nanoTime() - started) / 1e9));
            lines.addAll(BenchReport.queryLines(timings));
            lines.add(BenchReport.targets(timings));
            log.print(BenchReport.markdown(timings));
            return lines;
        } finally {
            for (QuerySubject s : subjects) {
                s.close();
            }
            deleteTree(work);
        }
    }

    /** The selected queries without repeats, in the order of {@link BenchQuery}. */
    private List<BenchQuery> selectedQueries() {
        if (queries.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--queries: name at least one query");
        }
        return Stream.of(BenchQuery.values()).filter(queries::contains).toList();
    }

    /**
     * Compares every system's answers with SQLite's on a sample; returns ours' k-NN recall@k, NaN
     * when the k-NN query is not selected.
     */
    private double check(BenchDataset data, List<BenchQuery> selected,
                         Map<BenchQuery, Map<String, QuerySubject.PreparedQuery>> prepared, PrintStream log) throws Exception {
        double recallSum = 0;
        for (BenchQuery q : selected) {
            Object[][] parameters = q.parameters(data, q == BenchQuery.GROUP_BY ? 1 : CHECKS, seed + 1000);
            for (Object[] p : parameters) {
                List<List<Object>> expected = prepared.get(q).get(SQLITE).run(p);
                for (Map.Entry<String, QuerySubject.PreparedQuery> e : prepared.get(q).entrySet()) {
                    List<List<Object>> actual = e.getValue().run(p);
                    if (q == BenchQuery.KNN && e.getKey().equals(OURS)) {
                        recallSum += AnswerCheck.recall(expected, actual);
                    } else {
                        AnswerCheck.sameRows(q, e.getKey(), p, expected, actual);
                    }
                }
            }
        }
        if (!selected.contains(BenchQuery.KNN)) {
            log.println("answers agree");
            return Double.NaN;
        }
        double recall = recallSum / CHECKS;
        log.printf("answers agree; k-NN recall@%d of ours against the exact answer: %.3f%n", BenchQuery.K, recall);
        return recall;
    }

    private QueryTimings time(BenchDataset data, List<BenchQuery> selected,
                              Map<BenchQuery, Map<String, QuerySubject.PreparedQuery>> prepared,
                              List<String> systems, PrintStream log) throws Exception {
        QueryTimings timings = new QueryTimings();
        for (int round = 0; round < rounds; round++) {
            for (BenchQuery q : selected) {
                int executions = Math.max(3, (int) Math.round(q.executions() * scale));
                int warmup = Math.max(1, executions / 10);
                Object[][] parameters = q.parameters(data, warmup + executions, seed + round);
                for (int i = 0; i < systems.size(); i++) {
                    String system = systems.get((i + round) % systems.size());
                    Histogram h = timeOne(prepared.get(q).get(system), parameters, warmup);
                    timings.add(q, system, h);
                    log.printf("round %d %-9s %-12s p50 %10.1f µs  p99 %10.1f µs  (%d runs)%n", round + 1, q.key(), system,
                            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getTotalCount());
                }
            }
        }
        return timings;
    }

    private Histogram timeOne(QuerySubject.PreparedQuery query, Object[][] parameters, int warmup) throws Exception {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        for (int i = 0; i < warmup && System.nanoTime() < deadline; i++) {
            query.run(parameters[i]);
        }
        Histogram h = QueryTimings.histogram();
        deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        for (int i = warmup; i < parameters.length; i++) {
            long t0 = System.nanoTime();
            query.run(parameters[i]);
            long t1 = System.nanoTime();
            h.recordValue(Math.max(1, t1 - t0));
            if (t1 > deadline && h.getTotalCount() >= 3) {
                break;
            }
        }
        return h;
    }

    private JsonObject runLine(BenchDataset data, Map<String, QuerySubject.LoadResult> loads, double recall,
                               double loadBefore, double seconds) {
        JsonObject load = new JsonObject();
        loads.forEach((name, l) -> load.put(name, new JsonObject().put("seconds", l.seconds())
                .put("index_seconds", l.indexSeconds()).put("how", l.detail())));
        return new JsonObject().put("run", new JsonObject()
                .put("date", Instant.now().toString())
                .put("nproc", Runtime.getRuntime().availableProcessors())
                .put("java", Runtime.version().toString())
                .put("load_average_before", loadBefore)
                .put("load_average_after", loadAverage())
                .put("rows", data.rows()).put("owners", data.owners()).put("dim", data.dim()).put("seed", data.seed())
                .put("rounds", rounds).put("scale", scale).put("max_seconds", maxSeconds)
                .put("peer_cache_mib", JdbcSubject.CACHE_MIB)
                .put("knn_recall_at_10", recall)
                .put("load", load)
                .put("seconds", seconds));
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
