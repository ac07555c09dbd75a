package io.hyperspatial.bench.positions;

import io.hyperspatial.bench.storage.JsonObject;
import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.Hierarchy;
import io.hyperspatial.core.positioning.HierarchyClosure;
import io.hyperspatial.core.positioning.HierarchyEmbedder;
import io.hyperspatial.core.positioning.LorentzEmbedding;
import io.hyperspatial.core.positioning.ReconstructionEvaluation;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Attributes an embedding's mean rank to the closure pairs that make it: the excess rank − 1 of
 * every (node, ancestor) pair, summed (a) over pairs whose ancestor is on the node's path in the
 * construction's spanning tree and pairs whose ancestor is off it, (b) per off-path ancestor, and
 * (c) per <em>hub</em>: the node that makes the pair off-path, i.e. the highest node of u's tree
 * path that still has the ancestor, which therefore reaches it only through a parent the spanning
 * tree did not keep. The mean rank is 1 + total excess / pairs, so the shares say which nodes a
 * fix has to move. Prints tables; one use per embedding, single-threaded apart from the ranking.
 */
final class RankBreakdown {
    private static final int TOP = 20;

    private final Hierarchy hierarchy;
    private final IntFunction<String> names;
    private final LorentzEmbedding embedding;
    private final int[] treeParent;
    private final long pairs;
    private long onPathPairs;
    private long onPathExcess;
    private long offPathPairs;
    private long offPathExcess;
    private final long[] ancestorPairs;
    private final long[] ancestorExcess;
    private final long[] hubPairs;
    private final long[] hubExcess;

    private RankBreakdown(Hierarchy hierarchy, IntFunction<String> names, LorentzEmbedding embedding,
                          EmbeddingConfig config) {
        this.hierarchy = hierarchy;
        this.names = names;
        this.embedding = embedding;
        this.treeParent = HierarchyEmbedder.spanningTreeParents(hierarchy, config);
        this.pairs = hierarchy.closure().pairCount();
        int n = hierarchy.size();
        this.ancestorPairs = new long[n];
        this.ancestorExcess = new long[n];
        this.hubPairs = new long[n];
        this.hubExcess = new long[n];
    }

    /**
     * Ranks every pair of {@code embedding} (made with {@code config}, whose spanning tree decides
     * which pairs are on-path) and attributes the excess.
     */
    static RankBreakdown of(Hierarchy hierarchy, IntFunction<String> names, LorentzEmbedding embedding,
                            EmbeddingConfig config) {
        RankBreakdown b = new RankBreakdown(hierarchy, names, embedding, config);
        b.attribute(ReconstructionEvaluation.pairRanks(hierarchy, embedding, config.threads()));
        return b;
    }

    private void attribute(int[] ranks) {
        HierarchyClosure closure = hierarchy.closure();
        int n = hierarchy.size();
        int[] stamp = new int[n];
        Arrays.fill(stamp, -1);
        for (int u = 0, q = 0; u < n; u++) {
            for (int a = treeParent[u]; a >= 0; a = treeParent[a]) {
                stamp[a] = u;
            }
            for (int a : closure.ancestors(u)) {
                long excess = ranks[q++] - 1L;
                if (stamp[a] == u) {
                    onPathPairs++;
                    onPathExcess += excess;
                    continue;
                }
                offPathPairs++;
                offPathExcess += excess;
                ancestorPairs[a]++;
                ancestorExcess[a] += excess;
                int hub = u;
                while (treeParent[hub] >= 0 && closure.isAncestor(treeParent[hub], a)) {
                    hub = treeParent[hub];
                }
                hubPairs[hub]++;
                hubExcess[hub] += excess;
            }
        }
    }

    /** Share of the total excess rank carried by off-path pairs. */
    double offPathShare() {
        return (double) offPathExcess / Math.max(1, onPathExcess + offPathExcess);
    }

    /** The smallest number of hubs that together carry {@code share} of the off-path excess. */
    int hubsCarrying(double share) {
        long[] sorted = Arrays.stream(hubExcess).filter(x -> x > 0).sorted().toArray();
        long sum = 0;
        for (int i = sorted.length - 1; i >= 0; i--) {
            sum += sorted[i];
            if (sum >= share * offPathExcess) {
                return sorted.length - i;
            }
        }
        return sorted.length;
    }

    void addTo(JsonObject line) {
        line.put("off_path_pairs", offPathPairs)
                .put("off_path_excess_share", offPathShare())
                .put("mean_rank_on_path", 1 + (double) onPathExcess / Math.max(1, onPathPairs))
                .put("mean_rank_off_path", 1 + (double) offPathExcess / Math.max(1, offPathPairs))
                .put("hubs_with_half_off_path_excess", hubsCarrying(0.5));
    }

    void print(PrintStream out) {
        long total = onPathExcess + offPathExcess;
        out.printf("rank breakdown: %d pairs, mean rank %.3f = 1 + %d excess / pairs%n", pairs,
                1 + (double) total / pairs, total);
        out.printf("  on path : %9d pairs, excess %11d (%5.1f%%), mean rank %8.3f%n", onPathPairs, onPathExcess,
                100.0 * onPathExcess / Math.max(1, total), 1 + (double) onPathExcess / Math.max(1, onPathPairs));
        out.printf("  off path: %9d pairs, excess %11d (%5.1f%%), mean rank %8.3f%n", offPathPairs, offPathExcess,
                100.0 * offPathExcess / Math.max(1, total), 1 + (double) offPathExcess / Math.max(1, offPathPairs));
        out.printf("  hubs carrying 50%% / 80%% / 95%% of the off-path excess: %d / %d / %d (of %d)%n",
                hubsCarrying(0.5), hubsCarrying(0.8), hubsCarrying(0.95),
                Arrays.stream(hubPairs).filter(x -> x > 0).count());
        out.println("top off-path ancestors (pairs whose ancestor is off the node's tree path):");
        out.printf("  %-32s %5s %7s %8s %11s %6s %9s%n", "ancestor", "depth", "radius", "pairs", "excess", "share",
                "mean rank");
        for (int a : top(ancestorExcess)) {
            out.printf("  %-32s %5d %7.2f %8d %11d %5.1f%% %9.1f%n", names.apply(a), hierarchy.depth(a),
                    embedding.radius(a), ancestorPairs[a], ancestorExcess[a], 100.0 * ancestorExcess[a] / total,
                    1 + (double) ancestorExcess[a] / ancestorPairs[a]);
        }
        out.println("top hubs (the multi-parent node through which the off-path ancestor is reached):");
        out.printf("  %-28s %5s %7s %8s %11s %6s %9s  %s%n", "hub", "depth", "desc", "pairs", "excess", "share",
                "mean rank", "kept parent | other parents");
        HierarchyClosure closure = hierarchy.closure();
        long[] descendants = new long[hierarchy.size()];
        for (int u = 0; u < hierarchy.size(); u++) {
            for (int a : closure.ancestors(u)) {
                descendants[a]++;
            }
        }
        for (int w : top(hubExcess)) {
            int kept = treeParent[w];
            List<String> others = IntStream.of(hierarchy.parents(w)).filter(p -> p != kept).mapToObj(names).toList();
            out.printf("  %-28s %5d %7d %8d %11d %5.1f%% %9.1f  %s | %s%n", names.apply(w), hierarchy.depth(w),
                    descendants[w], hubPairs[w], hubExcess[w], 100.0 * hubExcess[w] / total,
                    1 + (double) hubExcess[w] / hubPairs[w], kept < 0 ? "-" : names.apply(kept),
                    String.join(", ", others));
        }
    }

    private static int[] top(long[] excess) {
        return IntStream.range(0, excess.length).filter(i -> excess[i] > 0).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -excess[i]).thenComparingInt(i -> i))
                .limit(TOP).mapToInt(Integer::intValue).toArray();
    }
}
