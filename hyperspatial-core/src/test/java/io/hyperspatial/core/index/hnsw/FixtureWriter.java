package io.hyperspatial.core.index.hnsw;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes the snapshot fixture of the current {@link HnswSnapshot#VERSION} into test resources
 * ({@code snapshots/hnsw-vN-poincare.hnsw}). Run it once when the format changes, and keep the
 * fixtures of older versions: a build must keep reading them, or reject them as incompatible.
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

    /** The vectors of the fixture: ids 0..N-1. */
    static float[][] vectors() {
        return TestVectors.of(VectorMetric.POINCARE, N, DIM, 77);
    }

    static IndexConfig config() {
        return IndexConfig.of(VectorMetric.POINCARE, DIM).withM(4).withEfConstruction(20);
    }

    public static void main(String[] args) {
        HnswIndex index = HnswIndex.build(config(), IntStream.range(0, N).toArray(), vectors(), 1);
        for (int id : REMOVED) {
            index.remove(id);
        }
        Path file = Path.of(args[0]).resolve("hnsw-v" + HnswSnapshot.VERSION + "-poincare.hnsw");
        HnswSnapshot.write(index, SEQUENCE, file);
        System.out.println("wrote " + file);
    }
}
