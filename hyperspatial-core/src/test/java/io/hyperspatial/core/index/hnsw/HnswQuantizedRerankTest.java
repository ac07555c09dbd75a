package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.score.FloatVectorStorage;
import io.hyperspatial.core.index.score.L2Space;
import io.hyperspatial.core.index.score.NodeScorer;
import io.hyperspatial.core.index.score.QuantizedScoringSpace;
import io.hyperspatial.core.index.score.ScoringSpace;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An index over a quantized space traverses with the coarse scores and reports exact distances
 * after reranking. The space here is a test double: l2 over coordinates rounded to a coarse grid.
 */
class HnswQuantizedRerankTest {
    static final int N = 4000;
    static final int DIM = 16;
    static final int K = 10;

    @Test
    void traversesCodesAndReportsExactDistancesWithFullRecall() {
        float[][] data = TestVectors.clustered(N + 100, DIM, 32, 0.35, 91);
        float[][] base = Arrays.copyOf(data, N);
        IndexConfig config = IndexConfig.of(VectorMetric.L2, DIM).withEfConstruction(100);
        GridSpace space = new GridSpace(DIM, 0.5f);
        HnswIndex index = new HnswIndex(config, HnswOptions.DEFAULT, space);
        index.addAll(IntStream.range(0, N).toArray(), base, 2);

        double recall = 0;
        int coarseDiffers = 0;
        for (int q = N; q < N + 100; q++) {
            List<SearchHit> hits = index.search(new SearchRequest(data[q], K, 16, null));
            recall += ExactKnn.recall(hits, ExactKnn.nearest(VectorMetric.L2, base, data[q], K, i -> true));
            for (SearchHit hit : hits) {
                double exact = ExactKnn.distance(VectorMetric.L2, data[q], base[hit.id()]);
                assertThat((double) hit.distance()).isCloseTo(exact, within(1e-4 * Math.max(1, exact)));
                float coarse = space.distance(space.scorer(data[q]).score(space.ordinalOf(base[hit.id()])));
                if (Math.abs(coarse - exact) > 1e-3) {
                    coarseDiffers++;
                }
            }
        }
        assertThat(coarseDiffers).as("the codes alone would report other distances").isPositive();
        assertThat(recall / 100).isGreaterThanOrEqualTo(0.95);
        assertThat(index.memoryBytes()).isGreaterThanOrEqualTo(space.bytesPerVector() * N);
    }

    /** l2 over coordinates rounded to multiples of {@code step}, with the exact vectors beside. */
    static final class GridSpace implements QuantizedScoringSpace {
        private final L2Space exact;
        private final FloatVectorStorage codes;
        private final float step;

        GridSpace(int dimension, float step) {
            this.exact = new L2Space(dimension);
            this.codes = new FloatVectorStorage(dimension);
            this.step = step;
        }

        int ordinalOf(float[] vector) {
            for (int o = 0; o < size(); o++) {
                if (Arrays.equals(exact.vector(o), vector)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("not stored");
        }

        @Override
        public ScoringSpace exact() {
            return exact;
        }

        @Override
        public int rerankFactor() {
            return 4;
        }

        @Override
        public int dimension() {
            return exact.dimension();
        }

        @Override
        public int size() {
            return codes.size();
        }

        @Override
        public synchronized int add(float[] vector) {
            int ordinal = exact.add(vector);
            int same = codes.add(round(vector));
            assert same == ordinal;
            return ordinal;
        }

        @Override
        public void set(int ordinal, float[] vector) {
            exact.set(ordinal, vector);
            codes.set(ordinal, round(vector));
        }

        @Override
        public NodeScorer scorer(float[] query) {
            float[] q = round(query);
            return o -> squareDistance(q, codes.page(o), codes.offset(o));
        }

        @Override
        public NodeScorer scorer(int ordinal) {
            return scorer(codes.copy(ordinal));
        }

        @Override
        public float distance(float score) {
            return (float) Math.sqrt(score);
        }

        @Override
        public float[] vector(int ordinal) {
            return exact.vector(ordinal);
        }

        @Override
        public long bytesPerVector() {
            return exact.bytesPerVector() + (long) dimension() * Float.BYTES;
        }

        private float[] round(float[] v) {
            float[] r = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = Math.round(v[i] / step) * step;
            }
            return r;
        }

        private float squareDistance(float[] q, float[] page, int offset) {
            float s = 0;
            for (int i = 0; i < q.length; i++) {
                float d = q[i] - page[offset + i];
                s += d * d;
            }
            return s;
        }
    }
}
