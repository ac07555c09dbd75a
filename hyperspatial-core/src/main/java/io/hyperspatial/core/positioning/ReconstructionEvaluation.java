package io.hyperspatial.core.positioning;

import io.hyperspatial.core.concurrent.Workers;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reconstruction evaluation of Nickel and Kiela (2017), exactly as their code computes it
 * (facebookresearch/poincare-embeddings, {@code hype/graph.py}, {@code eval_reconstruction}): for
 * every node u that has ancestors in the closure, all other nodes are ranked by distance to u.
 *
 * <ul>
 *   <li>each ancestor v of u gets the rank 1 + the number of non-ancestors w ≠ u strictly nearer to
 *       u than v; {@link #meanRank()} is the mean over all (u, v) pairs;</li>
 *   <li>u's average precision is that of scikit-learn's {@code average_precision_score} with the
 *       ancestors as positives scored by −distance: the mean over ancestors v of
 *       |ancestors at distance ≤ d(u,v)| / |nodes ≠ u at distance ≤ d(u,v)| (ties count as nearer,
 *       as sklearn's thresholds do); {@link #map()} is the mean over u.</li>
 * </ul>
 *
 * @param meanRank mean rank over all (node, ancestor) pairs
 * @param map      mean average precision over the nodes that have ancestors
 * @param pairs    the number of (node, ancestor) pairs ranked
 * @param nodes    the number of nodes that have ancestors
 */
public record ReconstructionEvaluation(double meanRank, double map, long pairs, int nodes) {

    /**
     * Evaluates {@code embedding} against {@code hierarchy}'s closure on {@code threads} threads.
     * Cost: one distance per (node with ancestors, other node), O(n²·dims), and O(n) memory per
     * thread; no sorting of the n distances, since only the few ancestors' positions among them
     * count. The result does not depend on the thread count.
     */
    public static ReconstructionEvaluation evaluate(Hierarchy hierarchy, LorentzEmbedding embedding, int threads) {
        check(hierarchy, embedding, threads);
        return run(hierarchy.closure(), embedding.polar(), threads, allNodes(hierarchy.size()), null);
    }

    /**
     * The same evaluation restricted to {@code sampleSize} nodes drawn without replacement (seeded)
     * among those that have ancestors: every ancestor of a sampled node is still ranked among all
     * nodes, so it is an unbiased estimate of MAP and, weighted by pairs, of the mean rank, at
     * sampleSize / n of the cost. All of them when sampleSize is at least their number.
     */
    public static ReconstructionEvaluation evaluateSample(Hierarchy hierarchy, LorentzEmbedding embedding,
                                                          int threads, int sampleSize, long seed) {
        check(hierarchy, embedding, threads);
        HierarchyClosure closure = hierarchy.closure();
        int[] candidates = new int[closure.nodesWithAncestors()];
        for (int u = 0, i = 0; u < closure.size(); u++) {
            if (closure.ancestorCount(u) > 0) {
                candidates[i++] = u;
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int take = Math.min(Math.max(0, sampleSize), candidates.length);
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(candidates.length - i);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int[] sample = Arrays.copyOf(candidates, take);
        Arrays.sort(sample);
        return run(closure, embedding.polar(), threads, sample, null);
    }

    /**
     * The rank of every closure pair, in the closure's order: node ascending, then its ancestors
     * ascending (as {@link HierarchyClosure#ancestors(int)} lists them). Their mean is
     * {@link #meanRank()}; a bench attributes the mean rank to pairs with it.
     */
    public static int[] pairRanks(Hierarchy hierarchy, LorentzEmbedding embedding, int threads) {
        check(hierarchy, embedding, threads);
        int[] ranks = new int[(int) hierarchy.closure().pairCount()];
        run(hierarchy.closure(), embedding.polar(), threads, allNodes(hierarchy.size()), ranks);
        return ranks;
    }

    private static void check(Hierarchy hierarchy, LorentzEmbedding embedding, int threads) {
        if (hierarchy.size() != embedding.size()) {
            throw new IllegalArgumentException("the hierarchy has " + hierarchy.size() + " nodes but the embedding "
                    + embedding.size() + " points");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    private static int[] allNodes(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** Ranks the ancestors of {@code nodes}; fills {@code pairRanks} (closure order) when not null. */
    private static ReconstructionEvaluation run(HierarchyClosure closure, PolarPoints points, int threads,
                                                int[] nodes, int[] pairRanks) {
        int count = nodes.length;
        double[] precision = new double[count];
        long[] rankSum = new long[count];
        AtomicInteger next = new AtomicInteger();
        int block = 16;
        Runnable worker = () -> {
            NodeRanker ranker = new NodeRanker(closure, points);
            for (int start; (start = next.getAndAdd(block)) < count; ) {
                for (int i = start; i < Math.min(count, start + block); i++) {
                    int u = nodes[i];
                    if (closure.ancestorCount(u) > 0) {
                        ranker.rank(u, pairRanks);
                        precision[i] = ranker.averagePrecision;
                        rankSum[i] = ranker.rankSum;
                    }
                }
            }
        };
        Workers.runOn(threads, worker, "reconstruction-evaluation");
        double apSum = 0;
        long ranks = 0;
        long pairs = 0;
        int ranked = 0;
        for (int i = 0; i < count; i++) {
            int u = nodes[i];
            if (closure.ancestorCount(u) > 0) {
                apSum += precision[i];
                ranks += rankSum[i];
                pairs += closure.ancestorCount(u);
                ranked++;
            }
        }
        return new ReconstructionEvaluation(pairs == 0 ? Double.NaN : (double) ranks / pairs,
                ranked == 0 ? Double.NaN : apSum / ranked, pairs, ranked);
    }

    /** Ranks one node's ancestors among all nodes. Reusable, not thread-safe: one per thread. */
    private static final class NodeRanker {
        private final HierarchyClosure closure;
        private final PolarPoints points;
        private final boolean[] isAncestor;
        private double[] keys = new double[16];
        private int[] which = new int[16];
        private int[] strictlyBefore = new int[17];
        private int[] atOrBefore = new int[17];
        double averagePrecision;
        long rankSum;

        NodeRanker(HierarchyClosure closure, PolarPoints points) {
            this.closure = closure;
            this.points = points;
            this.isAncestor = new boolean[points.size];
        }

        /** Ranks u's ancestors; writes each pair's rank to pairRanks (closure order) when not null. */
        void rank(int u, int[] pairRanks) {
            int count = closure.ancestorCount(u);
            int row = closure.rowStart(u);
            if (keys.length < count) {
                keys = new double[count];
                which = new int[count];
                strictlyBefore = new int[count + 1];
                atOrBefore = new int[count + 1];
            }
            for (int j = 0; j < count; j++) {
                int a = closure.ancestorAt(row + j);
                isAncestor[a] = true;
                insert(j, points.rankKey(u, a));
            }
            Arrays.fill(strictlyBefore, 0, count + 1, 0);
            Arrays.fill(atOrBefore, 0, count + 1, 0);
            double farthest = keys[count - 1];
            for (int w = 0; w < points.size; w++) {
                if (w == u || isAncestor[w]) {
                    continue;
                }
                double key = points.rankKey(u, w);
                if (key > farthest) {
                    continue;
                }
                // w is strictly nearer than the ancestors at sorted positions >= upper, and
                // at most as far as those at positions >= lower.
                strictlyBefore[upperBound(keys, count, key)]++;
                atOrBefore[lowerBound(keys, count, key)]++;
            }
            long ranks = 0;
            double precisionSum = 0;
            int less = 0;
            int leq = 0;
            for (int j = 0; j < count; j++) {
                less += strictlyBefore[j];
                leq += atOrBefore[j];
                int ancestorsAtOrBefore = upperBound(keys, count, keys[j]);
                ranks += 1 + less;
                if (pairRanks != null) {
                    pairRanks[row + which[j]] = 1 + less;
                }
                precisionSum += (double) ancestorsAtOrBefore / (ancestorsAtOrBefore + leq);
            }
            for (int j = 0; j < count; j++) {
                isAncestor[closure.ancestorAt(row + j)] = false;
            }
            rankSum = ranks;
            averagePrecision = precisionSum / count;
        }

        /** Insertion sort step: keys[0..j) is sorted; places ancestor j's key, remembering j in which[]. */
        private void insert(int j, double key) {
            int at = j;
            while (at > 0 && keys[at - 1] > key) {
                keys[at] = keys[at - 1];
                which[at] = which[at - 1];
                at--;
            }
            keys[at] = key;
            which[at] = j;
        }

        /** The number of sorted keys ≤ key. */
        private static int upperBound(double[] keys, int count, double key) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] <= key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The number of sorted keys < key. */
        private static int lowerBound(double[] keys, int count, double key) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keys[mid] < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
