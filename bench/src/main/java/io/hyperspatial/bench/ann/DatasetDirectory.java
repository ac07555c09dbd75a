package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.eval.AnnDataset;
import io.hyperspatial.core.index.io.VectorFiles;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A data set on disk as the ANN benchmark writes and reads it: {@code base.fvecs},
 * {@code queries.fvecs}, {@code truth.ivecs} (0-based ids of each query's nearest base vectors)
 * and {@code metric}, a text file holding the metric's name. Any other tool can read the three
 * vector files; the metric file lets the scripts run a directory without being told its metric.
 * Stateless and thread-safe.
 */
final class DatasetDirectory {
    static final String BASE = "base.fvecs";
    static final String QUERIES = "queries.fvecs";
    static final String TRUTH = "truth.ivecs";
    static final String METRIC = "metric";

    private DatasetDirectory() {
    }

    static void write(Path dir, VectorMetric metric, float[][] base, float[][] queries, int[][] truth) throws IOException {
        Files.createDirectories(dir);
        VectorFiles.writeFvecs(dir.resolve(BASE), base);
        VectorFiles.writeFvecs(dir.resolve(QUERIES), queries);
        VectorFiles.writeIvecs(dir.resolve(TRUTH), truth);
        Files.writeString(dir.resolve(METRIC), metric.displayName() + "\n", StandardCharsets.UTF_8);
    }

    static VectorMetric metric(Path dir) throws IOException {
        Path file = dir.resolve(METRIC);
        try {
            return VectorMetric.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " (a data set directory holds base.fvecs, queries.fvecs, truth.ivecs and metric)");
        }
    }

    static AnnDataset read(Path dir) throws IOException {
        return AnnDataset.read(metric(dir), dir.resolve(BASE), dir.resolve(QUERIES), dir.resolve(TRUTH));
    }
}
