package io.hyperspatial.bench.positions;

import io.hyperspatial.core.positioning.EmbeddingConfig;
import io.hyperspatial.core.positioning.Hierarchy;
import io.hyperspatial.core.positioning.HierarchyEmbedder;
import io.hyperspatial.core.positioning.LorentzEmbedding;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionRecallTest {

    private static LorentzEmbedding smallTree() {
        Hierarchy.Builder b = Hierarchy.builder(400);
        for (int child = 1; child < 400; child++) {
            b.edge(child, (child - 1) / 4);
        }
        return HierarchyEmbedder.embed(b.build(), EmbeddingConfig.defaults().withDims(4).withEpochs(0).withThreads(1),
                ProgressListener.NONE);
    }

    @Test
    void shallowPositionsAreFoundInBothModels() {
        LorentzEmbedding e = smallTree();
        for (VectorMetric metric : List.of(VectorMetric.POINCARE, VectorMetric.LORENTZ)) {
            PositionRecall r = PositionRecall.measure(e, metric, 100, List.of(64), 1, 7);
            assertThat(r.queries()).isEqualTo(100);
            assertThat(r.unrepresentable()).isZero();
            assertThat(r.recall().getFirst()).as("%s", metric).isGreaterThanOrEqualTo(0.95).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void onlyHyperbolicMetricsAreAccepted() {
        assertThatThrownBy(() -> PositionRecall.measure(smallTree(), VectorMetric.COSINE, 10, List.of(64), 1, 7))
                .hasMessageContaining("poincare or lorentz");
    }
}
