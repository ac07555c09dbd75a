package io.hyperspatial.core.positioning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncrementalPlacementTest {

    @Test
    void aNewChildLiesBelowItsParentAndNearerToItThanToUnrelatedNodes() {
        Hierarchy tree = TestHierarchies.balancedTree(300, 3);
        LorentzEmbedding e = HierarchyEmbedder.embed(tree,
                EmbeddingConfig.defaults().withDims(5).withEpochs(5).withThreads(1), ProgressListener.NONE);
        HierarchyClosure closure = tree.closure();
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 30; trial++) {
            int parent = random.nextInt(tree.size());
            double[] placed = IncrementalPlacement.place(List.of(e.point(parent)), List.of(), trial);
            LorentzEmbedding withNew = append(e, placed);
            int fresh = e.size();
            assertThat(withNew.radius(fresh)).isGreaterThan(e.radius(parent));
            double toParent = withNew.distance(fresh, parent);
            for (int w = 0; w < e.size(); w++) {
                boolean related = w == parent || closure.isAncestor(parent, w) || closure.isAncestor(w, parent);
                if (!related) {
                    assertThat(withNew.distance(fresh, w)).as("trial %d: node %d vs parent %d", trial, w, parent)
                            .isGreaterThan(toParent);
                }
            }
        }
    }

    @Test
    void aNodeBetweenAParentAndKnownChildrenLiesBetweenThemInRadius() {
        double[] parent = point(1.0, 1, 0, 0);
        double[] childA = point(5.0, 0.9, 0.1, 0);
        double[] childB = point(5.5, 0.9, -0.1, 0);
        double[] placed = IncrementalPlacement.place(List.of(parent), List.of(childA, childB), 1);
        double radius = LorentzEmbedding.of(3, placed).radius(0);
        assertThat(radius).isGreaterThan(1.0).isLessThan(5.0);
        assertThat(placed[0] * placed[0] - placed[1] * placed[1] - placed[2] * placed[2] - placed[3] * placed[3])
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9 * placed[0] * placed[0]));
    }

    @Test
    void nothingToPlaceFromIsAnError() {
        assertThatThrownBy(() -> IncrementalPlacement.place(List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one parent or child");
    }

    private static double[] point(double radius, double... direction) {
        double norm = 0;
        for (double x : direction) {
            norm += x * x;
        }
        double[] p = new double[direction.length + 1];
        p[0] = Math.cosh(radius);
        for (int k = 0; k < direction.length; k++) {
            p[k + 1] = Math.sinh(radius) * direction[k] / Math.sqrt(norm);
        }
        return p;
    }

    private static LorentzEmbedding append(LorentzEmbedding e, double[] point) {
        double[] all = java.util.Arrays.copyOf(e.coordinates(), e.coordinates().length + point.length);
        System.arraycopy(point, 0, all, e.coordinates().length, point.length);
        return LorentzEmbedding.of(e.dims(), all);
    }
}
