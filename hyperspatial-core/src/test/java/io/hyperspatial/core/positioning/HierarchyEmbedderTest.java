package io.hyperspatial.core.positioning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HierarchyEmbedderTest {
    private static final EmbeddingConfig SMALL = EmbeddingConfig.defaults().withDims(5).withEpochs(10).withThreads(2);

    @Test
    void aBalancedTreeIsReconstructed() {
        Hierarchy tree = TestHierarchies.balancedTree(300, 3);
        LorentzEmbedding e = HierarchyEmbedder.embed(tree, SMALL, ProgressListener.NONE);
        ReconstructionEvaluation r = ReconstructionEvaluation.evaluate(tree, e, 2);
        // measured 0.999-1.0 and 1.0-1.006 over seeds 1-4
        assertThat(r.map()).isGreaterThanOrEqualTo(0.98);
        assertThat(r.meanRank()).isLessThanOrEqualTo(1.05);
    }

    @Test
    void aDagWithSecondParentsIsReconstructed() {
        Hierarchy dag = TestHierarchies.randomDag(300, 0.1, 11);
        LorentzEmbedding e = HierarchyEmbedder.embed(dag, SMALL, ProgressListener.NONE);
        ReconstructionEvaluation r = ReconstructionEvaluation.evaluate(dag, e, 2);
        // second parents drawn from anywhere make this harder than WordNet: measured 0.957-0.961
        assertThat(r.map()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void theSameSeedGivesTheSameOutputForAnyThreadCount() {
        Hierarchy dag = TestHierarchies.randomDag(150, 0.2, 5);
        EmbeddingConfig config = SMALL.withEpochs(3).withBatchSize(64);
        double[] one = HierarchyEmbedder.embed(dag, config.withThreads(1), ProgressListener.NONE).coordinates();
        double[] again = HierarchyEmbedder.embed(dag, config.withThreads(1), ProgressListener.NONE).coordinates();
        double[] three = HierarchyEmbedder.embed(dag, config.withThreads(3), ProgressListener.NONE).coordinates();
        double[] otherSeed = HierarchyEmbedder.embed(dag, config.withSeed(43), ProgressListener.NONE).coordinates();
        assertThat(again).isEqualTo(one);
        assertThat(three).isEqualTo(one);
        assertThat(otherSeed).isNotEqualTo(one);
    }

    @Test
    void everyPointIsOnTheHyperboloid() {
        Hierarchy dag = TestHierarchies.randomDag(200, 0.2, 3);
        LorentzEmbedding e = HierarchyEmbedder.embed(dag, SMALL.withDims(4), ProgressListener.NONE);
        assertThat(e.size()).isEqualTo(200);
        assertThat(e.dims()).isEqualTo(4);
        for (int i = 0; i < e.size(); i++) {
            double[] x = e.point(i);
            assertThat(x).hasSize(5);
            double inner = -x[0] * x[0];
            double scale = x[0] * x[0];
            for (int k = 1; k < x.length; k++) {
                inner += x[k] * x[k];
                scale += x[k] * x[k];
            }
            assertThat(x[0]).isGreaterThanOrEqualTo(1);
            assertThat(Math.abs(inner + 1)).as("point %d", i).isLessThanOrEqualTo(1e-12 * scale);
        }
    }

    @Test
    void generalNodesLieNearerTheOriginThanSpecificOnes() {
        Hierarchy tree = TestHierarchies.balancedTree(400, 3);
        LorentzEmbedding e = HierarchyEmbedder.embed(tree, SMALL, ProgressListener.NONE);
        int maxDepth = 0;
        for (int i = 0; i < tree.size(); i++) {
            maxDepth = Math.max(maxDepth, tree.depth(i));
        }
        double previous = -1;
        for (int depth = 0; depth <= maxDepth; depth++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < tree.size(); i++) {
                if (tree.depth(i) == depth) {
                    sum += e.radius(i);
                    count++;
                }
            }
            assertThat(sum / count).as("mean radius at depth %d", depth).isGreaterThan(previous);
            previous = sum / count;
        }
    }

    @Test
    void progressReportsEachPhaseAndEpoch() {
        List<ProgressListener.Event> events = new ArrayList<>();
        HierarchyEmbedder.embed(TestHierarchies.balancedTree(40, 2), SMALL.withEpochs(4), events::add);
        assertThat(events).extracting(ProgressListener.Event::phase).containsExactly(
                ProgressListener.Phase.CONSTRUCTION, ProgressListener.Phase.REFINEMENT,
                ProgressListener.Phase.REFINEMENT, ProgressListener.Phase.REFINEMENT,
                ProgressListener.Phase.REFINEMENT, ProgressListener.Phase.REFINEMENT, ProgressListener.Phase.DONE);
        assertThat(events.get(1).epoch()).isZero();
        assertThat(events.get(2).loss()).isFinite().isNotNegative();
        assertThat(events.get(5).epoch()).isEqualTo(4);
    }

    @Test
    void nickelKielasRecipeLearnsATreeFromNearTheOrigin() {
        Hierarchy tree = TestHierarchies.balancedTree(120, 3);
        EmbeddingConfig config = EmbeddingConfig.nickelKiela(60).withDims(5).withThreads(2).withBurnInEpochs(5)
                .withLearningRate(0.3).withNegatives(20).withBatchSize(10);
        List<Integer> snapshotEpochs = new ArrayList<>();
        LorentzEmbedding e = HierarchyEmbedder.embed(tree, config, ProgressListener.NONE, 20,
                (epoch, positions) -> snapshotEpochs.add(epoch));
        ReconstructionEvaluation r = ReconstructionEvaluation.evaluate(tree, e, 2);
        assertThat(snapshotEpochs).containsExactly(20, 40, 60);
        // measured MAP 0.866 at 60 epochs and 0.860 at 150: the recipe plateaus below the construction here
        assertThat(r.map()).isGreaterThanOrEqualTo(0.8);
        ReconstructionEvaluation untrained = ReconstructionEvaluation.evaluate(tree,
                HierarchyEmbedder.embed(tree, config.withEpochs(0), ProgressListener.NONE), 2);
        assertThat(untrained.map()).isLessThan(0.5);
    }

    @Test
    void theRecipeFromNearTheOriginIsDeterministicForAnyThreadCount() {
        Hierarchy dag = TestHierarchies.randomDag(100, 0.2, 6);
        EmbeddingConfig config = EmbeddingConfig.nickelKiela(4).withDims(4).withBurnInEpochs(2).withNegatives(10);
        double[] one = HierarchyEmbedder.embed(dag, config.withThreads(1), ProgressListener.NONE).coordinates();
        double[] three = HierarchyEmbedder.embed(dag, config.withThreads(3), ProgressListener.NONE).coordinates();
        assertThat(three).isEqualTo(one);
        double[] start = HierarchyEmbedder.embed(dag, config.withEpochs(0), ProgressListener.NONE).coordinates();
        for (int i = 0; i < dag.size(); i++) {
            assertThat(start[i * 5]).as("time coordinate of point %d", i).isLessThan(1.00001);
        }
    }

    @Test
    void aScaledInitShrinksEveryRadiusOfTheConstruction() {
        Hierarchy dag = TestHierarchies.randomDag(100, 0.2, 8);
        LorentzEmbedding full = HierarchyEmbedder.embed(dag, SMALL.withEpochs(0), ProgressListener.NONE);
        LorentzEmbedding half = HierarchyEmbedder.embed(dag, SMALL.withEpochs(0).withInitScale(0.5),
                ProgressListener.NONE);
        for (int i = 0; i < dag.size(); i++) {
            assertThat(half.radius(i)).as("node %d", i).isCloseTo(full.radius(i) / 2, within(1e-9));
        }
    }

    @Test
    void theRateHasABurnInThenStaysOrDecays() {
        EmbeddingConfig config = SMALL.withLearningRate(0.5).withEpochs(10).withBurnInEpochs(2);
        assertThat(config.rateAt(1)).isEqualTo(0.005);
        assertThat(config.withConstantRate(true).rateAt(2)).isEqualTo(0.5);
        assertThat(config.withConstantRate(true).rateAt(9)).isEqualTo(0.5);
        assertThat(config.rateAt(2)).isEqualTo(0.5);
        assertThat(config.rateAt(9)).isLessThan(0.5);
    }

    @Test
    void severalRootsAndIsolatedNodesAreEmbedded() {
        Hierarchy forest = Hierarchy.builder(7).edge(1, 0).edge(2, 0).edge(4, 3).edge(5, 3).build();
        LorentzEmbedding e = HierarchyEmbedder.embed(forest, SMALL, ProgressListener.NONE);
        ReconstructionEvaluation r = ReconstructionEvaluation.evaluate(forest, e, 1);
        assertThat(r.map()).isEqualTo(1.0);
    }
}
