package io.hyperspatial.bench.hyperql;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The seeded data of the HyperQL benchmark, regenerated identically for every system so none
 * of them has to hold it in memory: a table {@code item} of {@code rows} rows and a table
 * {@code owner} of {@code owners} rows.
 *
 * <ul>
 *   <li>{@code item(id INTEGER PRIMARY KEY, val INTEGER indexed, name TEXT, cat INTEGER, owner INTEGER,
 *       emb VECTOR(dim))}: {@code id} is 1..rows; {@code val} is a seeded permutation of 0..rows-1, so
 *       {@code val BETWEEN x AND x+99} holds exactly 100 rows; {@code cat} is uniform in 0..99;
 *       {@code owner} is uniform in 1..owners; {@code emb} has standard Gaussian components.</li>
 *   <li>{@code owner(id INTEGER PRIMARY KEY, name TEXT, region INTEGER)}: {@code id} is 1..owners.</li>
 * </ul>
 *
 * Immutable and thread-safe; each {@link #forEachItem} walk draws from a fresh generator.
 */
record BenchDataset(int rows, int owners, int dim, long seed) {
    /** Number of distinct {@code cat} values. */
    static final int CATEGORIES = 100;

    BenchDataset {
        if (rows < 100 || owners < 1 || dim < 1) {
            throw new IllegalArgumentException("need at least 100 rows, 1 owner and 1 dimension");
        }
    }

    /** One row of {@code item}. */
    record Item(long id, long val, String name, long cat, long owner, float[] emb) {
    }

    /** One row of {@code owner}. */
    record Owner(long id, String name, long region) {
    }

    /** Every {@code item} row in id order. The vector array is fresh for each row. */
    void forEachItem(Consumer<Item> sink) {
        int[] values = permutation();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            long id = i + 1;
            String name = "item-" + Long.toString(random.nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
            long cat = random.nextInt(CATEGORIES);
            long owner = 1 + random.nextInt(owners);
            float[] emb = gaussian(random, dim);
            sink.accept(new Item(id, values[i], name, cat, owner, emb));
        }
    }

    /** Every {@code owner} row in id order. */
    void forEachOwner(Consumer<Owner> sink) {
        for (int j = 0; j < owners; j++) {
            sink.accept(new Owner(j + 1, "owner-" + j, j % 10));
        }
    }

    /** A Gaussian vector of this data set's dimension (also what k-NN queries look like). */
    static float[] gaussian(SplittableRandom random, int dim) {
        float[] v = new float[dim];
        for (int d = 0; d < dim; d++) {
            v[d] = (float) gaussian(random);
        }
        return v;
    }

    private int[] permutation() {
        int[] values = new int[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
