package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad vectors are rejected with a SchemaViolationException naming the field, and nothing is inserted. */
class HnswValidationTest {

    @Test
    void wrongDimensionIsRejectedForAddsAndQueries() {
        HnswIndex index = withOne(VectorMetric.L2, new float[] {1, 2, 3});

        assertThatThrownBy(() -> index.add(2, new float[] {1, 2})).isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> index.search(SearchRequest.of(new float[] {1, 2, 3, 4}, 1)))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("query");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void nanAndInfinityAreRejected() {
        HnswIndex index = withOne(VectorMetric.DOT, new float[] {1, 2, 3});

        assertThatThrownBy(() -> index.add(2, new float[] {1, Float.NaN, 3})).isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("vector[1]");
        assertThatThrownBy(() -> index.add(1, new float[] {Float.POSITIVE_INFINITY, 0, 3}))
                .isInstanceOf(SchemaViolationException.class);
        assertThatThrownBy(() -> index.search(SearchRequest.of(new float[] {0, 0, Float.NaN}, 1)))
                .isInstanceOf(SchemaViolationException.class);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(SearchRequest.of(new float[] {1, 2, 3}, 1)).getFirst().distance()).isEqualTo(-14f);
    }

    @Test
    void poincarePointsOnOrOutsideTheUnitBallAreRejected() {
        HnswIndex index = withOne(VectorMetric.POINCARE, new float[] {0.1f, 0.2f});

        assertThatThrownBy(() -> index.add(2, new float[] {0.6f, 0.8f})).isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("unit ball");
        assertThatThrownBy(() -> index.add(3, new float[] {2f, 0f})).isInstanceOf(SchemaViolationException.class);
        assertThatThrownBy(() -> index.search(SearchRequest.of(new float[] {1f, 0f}, 1)))
                .isInstanceOf(SchemaViolationException.class);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void zeroVectorIsRejectedForCosine() {
        HnswIndex index = withOne(VectorMetric.COSINE, new float[] {1, 0});

        assertThatThrownBy(() -> index.add(2, new float[] {0, 0})).isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("zero");
        assertThatThrownBy(() -> index.search(SearchRequest.of(new float[] {0, 0}, 1)))
                .isInstanceOf(SchemaViolationException.class);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void pointsOffTheHyperboloidAreRejectedForLorentz() {
        HnswIndex index = withOne(VectorMetric.LORENTZ, new float[] {1, 0, 0});

        assertThatThrownBy(() -> index.add(2, new float[] {1, 1, 0})).isInstanceOf(SchemaViolationException.class)
                .hasMessageContaining("hyperboloid");
        assertThatThrownBy(() -> index.add(3, new float[] {-1, 0, 0})).isInstanceOf(SchemaViolationException.class);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void bulkAddWithOneBadVectorInsertsNothingAndNamesItsPosition() {
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.L2, 2));
        float[][] vectors = {{0, 0}, {1, 1}, {2, Float.NaN}, {3, 3}};

        assertThatThrownBy(() -> index.addAll(new int[] {1, 2, 3, 4}, vectors, 2))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("vectors[2]").hasMessageContaining("id 3");
        assertThat(index.size()).isZero();
        assertThat(index.search(SearchRequest.of(new float[] {0, 0}, 3))).isEmpty();
    }

    @Test
    void negativeIdsAreRejected() {
        HnswIndex index = new HnswIndex(IndexConfig.of(VectorMetric.L2, 2));

        assertThatThrownBy(() -> index.add(-1, new float[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.size()).isZero();
        assertThat(index.remove(-1)).isFalse();
    }

    private static HnswIndex withOne(VectorMetric metric, float[] vector) {
        HnswIndex index = new HnswIndex(IndexConfig.of(metric, vector.length));
        index.add(1, vector);
        return index;
    }
}
