package io.hyperspatial.core.index.eval;

import io.hyperspatial.core.index.io.VectorFiles;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An ANN benchmark data set: base vectors (ids are their 0-based positions), query vectors, and
 * optionally the ground truth, one row of nearest base ids per query, nearest first. The
 * constructor checks that the parts fit together (same dimension, one truth row per query,
 * ids inside the base) and throws {@link IllegalArgumentException} naming what does not.
 * The arrays are shared, not copied: treat them as read-only.
 */
public record AnnDataset(VectorMetric metric, float[][] base, float[][] queries, int[][] truth) {

    public AnnDataset {
        if (base.length == 0) {
            throw new IllegalArgumentException("the base holds no vectors");
        }
        if (queries.length == 0) {
            throw new IllegalArgumentException("there are no queries");
        }
        int dimension = base[0].length;
        requireDimension("base vector", base, dimension);
        requireDimension("query", queries, dimension);
        if (truth != null) {
            if (truth.length != queries.length) {
                throw new IllegalArgumentException("the ground truth has " + truth.length + " rows for "
                        + queries.length + " queries");
            }
            for (int q = 0; q < truth.length; q++) {
                for (int id : truth[q]) {
                    if (id < 0 || id >= base.length) {
                        throw new IllegalArgumentException("ground truth row " + q + " holds id " + id
                                + ", outside the base's 0.." + (base.length - 1) + " (ids must be 0-based)");
                    }
                }
            }
        }
    }

    /**
     * Reads a data set from {@code .fvecs} base and query files and an optional {@code .ivecs}
     * ground truth ({@code truthFile} may be null). Malformed files fail with a
     * {@link io.hyperspatial.core.index.io.VectorFileException}; files that do not fit together
     * with an {@link IllegalArgumentException} naming them.
     */
    public static AnnDataset read(VectorMetric metric, Path baseFile, Path queryFile, Path truthFile) throws IOException {
        float[][] base = VectorFiles.readFvecs(baseFile);
        float[][] queries = VectorFiles.readFvecs(queryFile);
        if (queries[0].length != base[0].length) {
            throw new IllegalArgumentException(queryFile + " holds vectors of dimension " + queries[0].length
                    + " but " + baseFile + " holds dimension " + base[0].length);
        }
        int[][] truth = truthFile == null ? null : VectorFiles.readIvecs(truthFile);
        if (truth != null && truth.length != queries.length) {
            throw new IllegalArgumentException(truthFile + " holds " + truth.length + " rows but " + queryFile
                    + " holds " + queries.length + " queries");
        }
        try {
            return new AnnDataset(metric, base, queries, truth);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((truthFile == null ? "" : truthFile + ": ") + e.getMessage(), e);
        }
    }

    private static void requireDimension(String what, float[][] vectors, int dimension) {
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException(what + " " + i + " has dimension " + vectors[i].length
                        + ", the base vectors have " + dimension);
            }
        }
    }

    public int dimension() {
        return base[0].length;
    }

    /** The same data set with another ground truth. */
    public AnnDataset withTruth(int[][] newTruth) {
        return new AnnDataset(metric, base, queries, newTruth);
    }
}
