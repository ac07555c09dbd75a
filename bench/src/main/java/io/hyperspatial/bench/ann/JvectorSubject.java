package io.hyperspatial.bench.ann;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.eval.AnnSubject;
import io.hyperspatial.manifold.schema.VectorMetric;
import org.roaringbitmap.RoaringBitmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * jvector's graph index in memory: {@link GraphIndexBuilder} with an HNSW-style hierarchy, degree
 * 2m on the base layer and m above (as HNSW), beam width ef_construction, jvector's usual neighbour
 * overflow 1.2 and alpha 1.2, final refinement on, on a {@code threads}-thread pool; searched by
 * one {@link GraphSearcher} with exact scores, keeping ef candidates and returning the best k.
 * Cosine runs as dot product on unit vectors. jvector has no hyperbolic metric. Memory is the
 * graph's own estimate plus the float32 vectors. Not thread-safe.
 */
final class JvectorSubject implements AnnSubject {
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final ListRandomAccessVectorValues vectors;
    private final VectorSimilarityFunction similarity;
    private final ImmutableGraphIndex graph;
    private final GraphSearcher searcher;
    private final ForkJoinPool pool;
    private final boolean normalise;

    private JvectorSubject(ListRandomAccessVectorValues vectors, VectorSimilarityFunction similarity,
                           ImmutableGraphIndex graph, ForkJoinPool pool, boolean normalise) {
        this.vectors = vectors;
        this.similarity = similarity;
        this.graph = graph;
        this.searcher = new GraphSearcher(graph);
        this.pool = pool;
        this.normalise = normalise;
    }

    static AnnSubject.Factory factory() {
        return JvectorSubject::build;
    }

    @SuppressWarnings("deprecation") // the constructor that pins hierarchy and refinement per instance
    private static JvectorSubject build(IndexConfig config, float[][] base, int threads) throws IOException {
        VectorSimilarityFunction similarity = switch (config.metric()) {
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
            case COSINE, DOT -> VectorSimilarityFunction.DOT_PRODUCT;
            case POINCARE, LORENTZ -> throw new UnsupportedOperationException("jvector has no hyperbolic metric");
        };
        boolean normalise = config.metric() == VectorMetric.COSINE;
        List<VectorFloat<?>> list = new ArrayList<>(base.length);
        for (float[] v : base) {
            list.add(VTS.createFloatVector(normalise ? LuceneSubject.unit(v) : v.clone()));
        }
        ListRandomAccessVectorValues ravv = new ListRandomAccessVectorValues(list, config.dimension());
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(ravv, similarity);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (GraphIndexBuilder builder = new GraphIndexBuilder(scores, config.dimension(),
                List.of(2 * config.m(), config.m()), config.efConstruction(), 1.2f, 1.2f, true, true, pool, pool)) {
            ImmutableGraphIndex graph = builder.build(ravv);
            return new JvectorSubject(ravv, similarity, graph, pool, normalise);
        } catch (IOException | RuntimeException e) {
            pool.shutdown();
            throw e;
        }
    }

    @Override
    public int[] search(float[] query, int k, int ef, RoaringBitmap filter) {
        VectorFloat<?> q = VTS.createFloatVector(normalise ? LuceneSubject.unit(query) : query);
        SearchResult result = searcher.search(DefaultSearchScoreProvider.exact(q, similarity, vectors),
                k, Math.max(k, ef), 0f, 0f, Bits.ALL);
        SearchResult.NodeScore[] nodes = result.getNodes();
        int[] out = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = nodes[i].node;
        }
        return out;
    }

    @Override
    public long memoryBytes() {
        return graph.ramBytesUsed() + 4L * vectors.size() * vectors.dimension();
    }

    @Override
    public boolean supportsFilter() {
        return false;
    }

    @Override
    public void close() {
        try {
            searcher.close();
            graph.close();
        } catch (Exception e) {
            throw e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }
}
