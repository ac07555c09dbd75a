package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.eval.AnnSubject;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.roaringbitmap.RoaringBitmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lucene's HNSW as an application uses it: documents with a {@link KnnFloatVectorField} written by
 * an {@link IndexWriter} on {@code threads} threads into an {@link MMapDirectory} under a temporary
 * directory, with {@link Lucene99HnswVectorsFormat} of the same m and ef_construction and
 * {@code threads} merge workers, force-merged to one segment (so the build time includes Lucene's
 * concurrent graph merge). Queries are {@link KnnFloatVectorQuery} with k = ef, of which the top k
 * are kept, as Lucene's own KnnGraphTester does. Cosine is run as Lucene recommends, as dot product
 * on unit vectors; dot as maximum inner product. Lucene has no hyperbolic metric. Memory is the
 * size of the index files (vectors, graph, metadata). Not thread-safe.
 */
final class LuceneSubject implements AnnSubject {
    private static final String FIELD = "v";
    private static final String ID = "id";

    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int[] ordinalOfDoc;
    private final boolean normalise;

    private LuceneSubject(Path dir, Directory directory, boolean normalise) throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.normalise = normalise;
        this.reader = DirectoryReader.open(directory);
        if (reader.leaves().size() != 1) {
            throw new IllegalStateException("expected one segment after force merge, got " + reader.leaves().size());
        }
        this.searcher = new IndexSearcher(reader);
        LeafReader leaf = reader.leaves().getFirst().reader();
        ordinalOfDoc = new int[leaf.maxDoc()];
        NumericDocValues ids = leaf.getNumericDocValues(ID);
        for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
            ordinalOfDoc[doc] = (int) ids.longValue();
        }
    }

    /** Builds indexes in fresh directories under {@code parent}, deleted when the subject is closed. */
    static AnnSubject.Factory factory(Path parent) {
        return (config, base, threads) -> build(parent, config, base, threads);
    }

    private static LuceneSubject build(Path parent, IndexConfig config, float[][] base, int threads) throws Exception {
        VectorSimilarityFunction similarity = switch (config.metric()) {
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
            case COSINE -> VectorSimilarityFunction.DOT_PRODUCT;
            case DOT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
            case POINCARE, LORENTZ -> throw new UnsupportedOperationException("lucene has no hyperbolic metric");
        };
        boolean normalise = config.metric() == io.hyperspatial.manifold.schema.VectorMetric.COSINE;
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, "lucene-ann-");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(config.m(), config.efConstruction(), threads, pool);
        IndexWriterConfig iwc = new IndexWriterConfig()
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                })
                .setRAMBufferSizeMB(1024)
                .setUseCompoundFile(false);
        Directory directory = new MMapDirectory(dir);
        try (IndexWriter writer = new IndexWriter(directory, iwc)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) base.length * t / threads);
                int to = (int) ((long) base.length * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        Document doc = new Document();
                        doc.add(new KnnFloatVectorField(FIELD, normalise ? unit(base[i]) : base[i], similarity));
                        doc.add(new NumericDocValuesField(ID, i));
                        try {
                            writer.addDocument(doc);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
            writer.forceMerge(1);
            writer.commit();
        } finally {
            pool.shutdown();
        }
        return new LuceneSubject(dir, directory, normalise);
    }

    @Override
    public int[] search(float[] query, int k, int ef, RoaringBitmap filter) {
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, normalise ? unit(query) : query, ef), k);
            int[] out = new int[top.scoreDocs.length];
            int i = 0;
            for (ScoreDoc d : top.scoreDocs) {
                out[i++] = ordinalOfDoc[d.doc];
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long memoryBytes() {
        try {
            long bytes = 0;
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean supportsFilter() {
        return false;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }
}
