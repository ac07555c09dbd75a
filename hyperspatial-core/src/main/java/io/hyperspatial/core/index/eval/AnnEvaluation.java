package io.hyperspatial.core.index.eval;

import io.hyperspatial.core.index.IndexConfig;
import org.roaringbitmap.RoaringBitmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures one {@link AnnSubject} on one {@link AnnDataset}, the way {@code hyperspatial bench ann}
 * and the bench module's peer comparison both do: build on {@code threads} threads (timed), then
 * untimed warm-up passes over the queries, alternating the first and the middle ef, at least two
 * and for at least {@value #WARMUP_SECONDS} s (so the JIT has compiled the search before
 * anything is timed: two passes alone, tens of milliseconds on small data, left the first timed
 * pass three times slower than the next), then for each ef every query once from a single
 * thread, timed one by one. Reports, as one-line JSON objects handed to a consumer:
 * <ul>
 *   <li>the build: {@code {"subject","build_s","memory_bytes","mapped_bytes","metric","n","dimension","queries","k",
 *       "m","ef_construction","threads","quantization","filter_selectivity","allowed","truth"}};</li>
 *   <li>one line per ef: {@code {"subject","ef","recall","qps","p50_us","p99_us"}} (recall@k against
 *       the truth, qps over the whole pass, latency percentiles from the sorted per-query times);</li>
 *   <li>a summary at recall {@value #TARGET_RECALL}: {@code {"subject","at_recall","reached",
 *       "qps","p50_us","p99_us","ef","bracketed"}}, interpolated by {@link RecallCurve}.</li>
 * </ul>
 * With a filter selectivity F in (0, 1], a seeded random allow-list of round(F·n) ids is passed
 * with every query and the truth is recomputed by brute force over the allowed ids. Without a
 * filter and without a truth in the data set, the truth is computed by brute force too. Not
 * thread-safe; an instance is one run.
 */
public final class AnnEvaluation {
    /** The recall at which speeds are compared. */
    public static final double TARGET_RECALL = 0.95;
    /** The least time spent on untimed warm-up passes before the timed ones. */
    public static final double WARMUP_SECONDS = 2.0;

    /**
     * What to measure: the index config (metric, dimension, m, ef_construction, quantization),
     * build threads, k, the ef values in increasing order, the fraction of ids allowed by a filter
     * (0 for no filter) and the seed of that filter.
     */
    public record Settings(IndexConfig config, int threads, int k, int[] efs, double filterSelectivity, long seed) {
        public Settings {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive, got " + threads);
            }
            if (k < 1) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
            if (efs.length == 0) {
                throw new IllegalArgumentException("give at least one ef");
            }
            for (int ef : efs) {
                if (ef < 1) {
                    throw new IllegalArgumentException("ef values must be positive, got " + ef);
                }
            }
            if (!(filterSelectivity >= 0 && filterSelectivity <= 1)) {
                throw new IllegalArgumentException("filter selectivity must be in (0, 1], or 0 for no filter; got "
                        + filterSelectivity);
            }
            efs = efs.clone();
        }
    }

    /** The outcome of a run: build time, memory, the curve and where it crosses {@link #TARGET_RECALL}. */
    public record Result(String subject, double buildSeconds, long memoryBytes, List<RecallCurve.Point> curve,
                         Optional<RecallCurve.AtRecall> atTarget) {
    }

    private AnnEvaluation() {
    }

    /** Builds and measures {@code subject}, handing each JSON line to {@code out} as soon as it is known. */
    public static Result run(String subject, AnnSubject.Factory factory, AnnDataset data, Settings settings,
                             Consumer<String> out) throws Exception {
        IndexConfig config = settings.config();
        if (config.dimension() != data.dimension()) {
            throw new IllegalArgumentException("the index is configured for dimension " + config.dimension()
                    + " but the vectors have dimension " + data.dimension());
        }
        RoaringBitmap allowed = settings.filterSelectivity() > 0
                ? randomAllowList(data.base().length, settings.filterSelectivity(), settings.seed()) : null;
        String truthSource;
        int[][] truth;
        if (allowed != null) {
            truth = GroundTruth.compute(config, data.base(), data.queries(), settings.k(), allowed, settings.threads());
            truthSource = "brute force over the allowed ids";
        } else if (data.truth() != null) {
            truth = data.truth();
            requireTruthDepth(truth, settings.k());
            truthSource = "file";
        } else {
            truth = GroundTruth.compute(config, data.base(), data.queries(), settings.k(), settings.threads());
            truthSource = "brute force";
        }

        long start = System.nanoTime();
        try (AnnSubject index = factory.build(config, data.base(), settings.threads())) {
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            if (allowed != null && !index.supportsFilter()) {
                throw new IllegalArgumentException(subject + " does not support filtered search");
            }
            long memory = index.memoryBytes();
            out.accept(new JsonLine().put("subject", subject).put("build_s", buildSeconds).put("memory_bytes", memory)
                    .put("mapped_bytes", index.mappedBytes())
                    .put("metric", config.metric().displayName()).put("n", data.base().length)
                    .put("dimension", data.dimension()).put("queries", data.queries().length).put("k", settings.k())
                    .put("m", config.m()).put("ef_construction", config.efConstruction())
                    .put("threads", settings.threads())
                    .put("quantization", config.quantization().name().toLowerCase(Locale.ROOT))
                    .put("filter_selectivity", settings.filterSelectivity())
                    .put("allowed", allowed == null ? data.base().length : allowed.getCardinality())
                    .put("truth", truthSource).toString());

            int[] efs = settings.efs();
            warmUp(index, data.queries(), settings.k(), efs, allowed);
            List<RecallCurve.Point> curve = new ArrayList<>();
            for (int ef : efs) {
                long[] nanos = new long[data.queries().length];
                long passStart = System.nanoTime();
                int[][] found = pass(index, data.queries(), settings.k(), ef, allowed, nanos);
                double passSeconds = (System.nanoTime() - passStart) / 1e9;
                Arrays.sort(nanos);
                RecallCurve.Point p = new RecallCurve.Point(ef, recall(found, truth, settings.k()),
                        nanos.length / passSeconds, percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3);
                curve.add(p);
                out.accept(new JsonLine().put("subject", subject).put("ef", ef).put("recall", p.recall())
                        .put("qps", p.qps()).put("p50_us", p.p50Us()).put("p99_us", p.p99Us()).toString());
            }
            Optional<RecallCurve.AtRecall> at = RecallCurve.at(curve, TARGET_RECALL);
            JsonLine summary = new JsonLine().put("subject", subject).put("at_recall", TARGET_RECALL)
                    .put("reached", at.isPresent());
            at.ifPresent(a -> summary.put("qps", a.qps()).put("p50_us", a.p50Us()).put("p99_us", a.p99Us())
                    .put("ef", a.ef()).put("bracketed", a.bracketed()));
            out.accept(summary.toString());
            return new Result(subject, buildSeconds, memory, List.copyOf(curve), at);
        }
    }

    /**
     * Mean recall@k: the fraction of each truth row's first k ids (fewer if the row is shorter)
     * that the search found, averaged over queries with a non-empty row.
     */
    public static double recall(int[][] found, int[][] truth, int k) {
        double sum = 0;
        int counted = 0;
        for (int q = 0; q < truth.length; q++) {
            int expected = Math.min(k, truth[q].length);
            if (expected == 0) {
                continue;
            }
            int hits = 0;
            for (int i = 0; i < expected; i++) {
                for (int id : found[q]) {
                    if (id == truth[q][i]) {
                        hits++;
                        break;
                    }
                }
            }
            sum += (double) hits / expected;
            counted++;
        }
        return counted == 0 ? 1.0 : sum / counted;
    }

    /** A seeded random set of round(fraction·n) ids (at least one) out of 0..n−1. */
    public static RoaringBitmap randomAllowList(int n, double fraction, long seed) {
        int count = (int) Math.max(1, Math.min(n, Math.round(fraction * n)));
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return RoaringBitmap.bitmapOf(Arrays.copyOf(ids, count));
    }

    /**
     * Untimed passes alternating the first and the middle ef: at least two, and until
     * {@link #WARMUP_SECONDS} have passed.
     */
    private static void warmUp(AnnSubject index, float[][] queries, int k, int[] efs, RoaringBitmap allowed) {
        long start = System.nanoTime();
        long minimum = (long) (WARMUP_SECONDS * 1e9);
        for (int passes = 0; passes < 2 || System.nanoTime() - start < minimum; passes++) {
            pass(index, queries, k, passes % 2 == 0 ? efs[0] : efs[efs.length / 2], allowed, null);
        }
    }

    /** Runs every query once; records each query's nanoseconds in {@code nanos} when it is not null. */
    private static int[][] pass(AnnSubject index, float[][] queries, int k, int ef, RoaringBitmap allowed, long[] nanos) {
        int[][] found = new int[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            long t0 = System.nanoTime();
            found[q] = index.search(queries[q], k, ef, allowed);
            if (nanos != null) {
                nanos[q] = System.nanoTime() - t0;
            }
        }
        return found;
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void requireTruthDepth(int[][] truth, int k) {
        for (int q = 0; q < truth.length; q++) {
            if (truth[q].length < k) {
                throw new IllegalArgumentException("ground truth row " + q + " holds " + truth[q].length
                        + " ids, fewer than k = " + k);
            }
        }
    }
}
