package io.hyperspatial.core.positioning;

import io.hyperspatial.core.geometry.LorentzModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReconstructionEvaluationTest {

    /**
     * Node 2 sits at the origin; its parent 1 and the unrelated node 3 both at radius 1 (a tie), the
     * root 0 at radius 2. Worked by hand as scikit-learn's average_precision_score would.
     */
    @Test
    void tiesCountAsNearerForPrecisionButNotForRank() {
        Hierarchy h = Hierarchy.builder(4).edge(1, 0).edge(2, 1).edge(3, 0).build();
        double s1 = Math.sinh(1);
        double s2 = Math.sinh(2);
        LorentzEmbedding e = LorentzEmbedding.of(2, new double[] {
                0, -s2, 0,
                0, s1, 0,
                0, 0, 0,
                0, 0, s1});
        ReconstructionEvaluation r = ReconstructionEvaluation.evaluate(h, e, 1);
        // u=1: ancestor 0 at distance 3, behind 2 and 3 -> rank 3, AP 1/3.
        // u=2: ancestor 1 tied with 3 -> rank 1, precision 1/2; ancestor 0 behind 3 -> rank 2, precision 2/3.
        // u=3: ancestor 0 at 2.44, behind 2 (1.0) and 1 (1.5) -> rank 3, AP 1/3.
        assertThat(r.pairs()).isEqualTo(4);
        assertThat(r.nodes()).isEqualTo(3);
        assertThat(r.meanRank()).isEqualTo(9.0 / 4);
        assertThat(r.map()).isCloseTo((1.0 / 3 + (0.5 + 2.0 / 3) / 2 + 1.0 / 3) / 3, within(1e-15));
    }

    @Test
    void equalsABruteForceReferenceOnRandomEmbeddings() {
        for (long seed = 1; seed <= 8; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 40 + random.nextInt(60);
            Hierarchy h = TestHierarchies.randomDag(n, 0.25, seed);
            LorentzEmbedding e = randomEmbedding(n, 3, random);
            ReconstructionEvaluation expected = bruteForce(h, e);
            for (int threads : new int[] {1, 3}) {
                ReconstructionEvaluation actual = ReconstructionEvaluation.evaluate(h, e, threads);
                assertThat(actual).as("seed %d, %d threads", seed, threads).isEqualTo(expected);
            }
        }
    }

    @Test
    void aPerfectEmbeddingScoresOneAndARandomOneDoesNot() {
        Hierarchy chain = Hierarchy.builder(4).edge(1, 0).edge(2, 1).edge(3, 2).build();
        // A chain along one ray, radii 0, 1, 3, 7: every ancestor nearer than every descendant.
        double[] radii = {0, 1, 3, 7};
        double[] coordinates = new double[8];
        for (int i = 0; i < 4; i++) {
            coordinates[2 * i + 1] = Math.sinh(radii[i]);
        }
        ReconstructionEvaluation perfect = ReconstructionEvaluation.evaluate(chain, LorentzEmbedding.of(1, coordinates), 1);
        assertThat(perfect.meanRank()).isEqualTo(1.0);
        assertThat(perfect.map()).isEqualTo(1.0);

        Hierarchy tree = TestHierarchies.balancedTree(200, 3);
        ReconstructionEvaluation random = ReconstructionEvaluation.evaluate(tree,
                randomEmbedding(200, 4, new SplittableRandom(7)), 2);
        assertThat(random.map()).isLessThan(0.5);
        assertThat(random.meanRank()).isGreaterThan(10);
    }

    @Test
    void pairRanksAreTheBruteForceRanksInClosureOrder() {
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 30 + random.nextInt(40);
            Hierarchy h = TestHierarchies.randomDag(n, 0.3, seed);
            LorentzEmbedding e = randomEmbedding(n, 3, random);
            int[] ranks = ReconstructionEvaluation.pairRanks(h, e, 2);
            HierarchyClosure c = h.closure();
            int q = 0;
            for (int u = 0; u < n; u++) {
                for (int a : c.ancestors(u)) {
                    double da = e.distance(u, a);
                    int nearer = 0;
                    for (int w = 0; w < n; w++) {
                        if (w != u && !c.isAncestor(u, w) && e.distance(u, w) < da) {
                            nearer++;
                        }
                    }
                    assertThat(ranks[q++]).as("seed %d, pair (%d, %d)", seed, u, a).isEqualTo(1 + nearer);
                }
            }
            assertThat(q).isEqualTo(ranks.length);
            assertThat((double) Arrays.stream(ranks).asLongStream().sum() / ranks.length)
                    .isEqualTo(ReconstructionEvaluation.evaluate(h, e, 1).meanRank());
        }
    }

    @Test
    void aSampleOfAllNodesIsTheFullEvaluationAndASmallerOneCountsOnlyItsNodes() {
        SplittableRandom random = new SplittableRandom(9);
        Hierarchy h = TestHierarchies.randomDag(80, 0.3, 9);
        LorentzEmbedding e = randomEmbedding(80, 3, random);
        ReconstructionEvaluation full = ReconstructionEvaluation.evaluate(h, e, 2);
        assertThat(ReconstructionEvaluation.evaluateSample(h, e, 2, 1000, 1)).isEqualTo(full);
        ReconstructionEvaluation part = ReconstructionEvaluation.evaluateSample(h, e, 2, 20, 1);
        assertThat(part.nodes()).isEqualTo(20);
        assertThat(part.pairs()).isLessThan(full.pairs());
        assertThat(ReconstructionEvaluation.evaluateSample(h, e, 1, 20, 1)).isEqualTo(part);
        assertThat(ReconstructionEvaluation.evaluateSample(h, e, 2, 20, 2)).isNotEqualTo(part);
    }

    static LorentzEmbedding randomEmbedding(int n, int dims, SplittableRandom random) {
        double[] c = new double[n * (dims + 1)];
        for (int i = 0; i < n; i++) {
            for (int k = 1; k <= dims; k++) {
                c[i * (dims + 1) + k] = random.nextDouble(-3, 3);
            }
        }
        return LorentzEmbedding.of(dims, c);
    }

    /**
     * The metric spelled out as in hype/graph.py: every other node's distance via
     * {@link LorentzModel}; rank = 1 + non-ancestors strictly nearer; precision at each ancestor in
     * order of distance, ties grouped as scikit-learn's thresholds group them.
     */
    private static ReconstructionEvaluation bruteForce(Hierarchy h, LorentzEmbedding e) {
        HierarchyClosure c = h.closure();
        int n = h.size();
        long rankSum = 0;
        double apSum = 0;
        int nodes = 0;
        for (int u = 0; u < n; u++) {
            int[] ancestors = c.ancestors(u);
            if (ancestors.length == 0) {
                continue;
            }
            double[] dist = new double[n];
            for (int w = 0; w < n; w++) {
                dist[w] = LorentzModel.UNIT.distance(e.point(u), e.point(w));
            }
            double[] ancestorDistances = new double[ancestors.length];
            for (int j = 0; j < ancestors.length; j++) {
                ancestorDistances[j] = dist[ancestors[j]];
            }
            Arrays.sort(ancestorDistances);
            double precisionSum = 0;
            for (double dv : ancestorDistances) {
                int nearerNonAncestors = 0;
                int atMost = 0;
                int ancestorsAtMost = 0;
                for (int w = 0; w < n; w++) {
                    if (w == u) {
                        continue;
                    }
                    boolean ancestor = Arrays.binarySearch(ancestors, w) >= 0;
                    if (!ancestor && dist[w] < dv) {
                        nearerNonAncestors++;
                    }
                    if (dist[w] <= dv) {
                        atMost++;
                        ancestorsAtMost += ancestor ? 1 : 0;
                    }
                }
                rankSum += 1 + nearerNonAncestors;
                precisionSum += (double) ancestorsAtMost / atMost;
            }
            apSum += precisionSum / ancestors.length;
            nodes++;
        }
        return new ReconstructionEvaluation((double) rankSum / c.pairCount(), apSum / nodes, c.pairCount(), nodes);
    }
}
