package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes the snapshot fixtures of the current {@link HnswSnapshot#VERSION} into test resources
 * ({@code snapshots/hnsw-vN-poincare.hnsw} and {@code hnsw-vN-lorentz.hnsw}). Run it once when the
 * format changes, and keep the fixtures of older versions: a build must keep reading them, or
 * reject them as incompatible.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp CLASSPATH io.hyperspatial.core.index.hnsw.FixtureWriter hyperspatial-core/src/test/resources/snapshots</pre>
 */
final class FixtureWriter {
    static final long SEQUENCE = 4242;
    static final int N = 60;
    static final int DIM = 3;
    /** Ids removed after the build; absent from the fixture's index. */
    static final int[] REMOVED = {3, 17, 40};

    private FixtureWriter() {
    }

    /** The vectors of the fixture of a metric (POINCARE or LORENTZ): ids 0..N-1. */
    static float[][] vectors(VectorMetric metric) {
        return TestVectors.of(metric, N, dimension(metric), 77);
    }

    static IndexConfig config(VectorMetric metric) {
        return IndexConfig.of(metric, dimension(metric)).withM(4).withEfConstruction(20);
    }

    /** DIM ball coordinates, or DIM + 1 hyperboloid coordinates (time first). */
    private static int dimension(VectorMetric metric) {
        return metric == VectorMetric.LORENTZ ? DIM + 1 : DIM;
    }

    /** The fixture's file name for a format version and metric. */
    static String fileName(int version, VectorMetric metric) {
        return "hnsw-v" + version + "-" + metric.name().toLowerCase(java.util.Locale.ROOT) + ".hnsw";
    }

    public static void main(String[] args) {
        for (VectorMetric metric : new VectorMetric[]{VectorMetric.POINCARE, VectorMetric.LORENTZ}) {
            HnswIndex index = HnswIndex.build(config(metric), IntStream.range(0, N).toArray(), vectors(metric), 1);
            for (int id : REMOVED) {
                index.remove(id);
            }
            Path file = Path.of(args[0]).resolve(fileName(HnswSnapshot.VERSION, metric));
            HnswSnapshot.write(index, SEQUENCE, file);
            System.out.println("wrote " + file);
        }
    }
}
