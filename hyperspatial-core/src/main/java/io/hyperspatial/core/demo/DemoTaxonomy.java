package io.hyperspatial.core.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The generated shape of the demo data, held in memory before it is written: a forest of
 * categories, each item's category, item embeddings, and each item's nearest neighbours within
 * its category. Everything is a function of the entity count and the seed. Category embeddings
 * descend from their parent's with a little noise, and items from their category's, so the
 * vectors reflect the hierarchy and {@code similar_to} edges link genuinely close items.
 *
 * <p>Memory is O(items × {@link #DIMENSION}); immutable once built, so safe to share.
 */
final class DemoTaxonomy {
    static final int DIMENSION = 32;
    static final int ROOTS = 8;
    static final int FANOUT = 4;
    static final int NEIGHBOURS = 3;
    private static final double CATEGORY_NOISE = 0.12;
    private static final double ITEM_NOISE = 0.10;

    private final int categories;
    private final int[] parent;
    private final int[] depth;
    private final String[] categoryName;
    private final int[] itemCategory;
    private final float[][] itemVector;
    private final int[][] neighbours;
    private final float[][] neighbourWeights;

    private DemoTaxonomy(int categories, int items) {
        this.categories = categories;
        this.parent = new int[categories];
        this.depth = new int[categories];
        this.categoryName = new String[categories];
        this.itemCategory = new int[items];
        this.itemVector = new float[items][];
        this.neighbours = new int[items][];
        this.neighbourWeights = new float[items][];
    }

    /** How many of {@code entities} are categories: about one in forty, at least 15 when there is room. */
    static int categoryCount(int entities) {
        long share = Math.max(15, Math.round(entities / 40.0));
        return (int) Math.max(1, Math.min(entities / 2, share));
    }

    static DemoTaxonomy generate(int entities, long seed) {
        int categories = categoryCount(entities);
        DemoTaxonomy t = new DemoTaxonomy(categories, entities - categories);
        SplittableRandom tree = DemoRandom.stream(seed, DemoRandom.TREE, 0);
        t.buildTree(tree, seed);
        float[][] categoryVectors = t.categoryVectors(seed);
        t.placeItems(tree, seed, categoryVectors);
        t.linkNeighbours();
        return t;
    }

    /** Fills the forest level by level: {@link #ROOTS} roots, then up to {@link #FANOUT}× the previous level. */
    private void buildTree(SplittableRandom tree, long seed) {
        List<String> departments = new ArrayList<>(DemoVocabulary.DEPARTMENTS);
        for (int i = departments.size() - 1; i > 0; i--) {
            int j = tree.nextInt(i + 1);
            departments.set(i, departments.set(j, departments.get(i)));
        }
        int roots = Math.min(ROOTS, categories);
        for (int c = 0; c < roots; c++) {
            parent[c] = -1;
            depth[c] = 0;
            categoryName[c] = departments.get(c);
        }
        int levelStart = 0;
        int levelEnd = roots;
        int next = roots;
        while (next < categories) {
            int levelSize = levelEnd - levelStart;
            int childrenEnd = (int) Math.min(categories, next + (long) levelSize * FANOUT);
            for (int c = next; c < childrenEnd; c++) {
                parent[c] = levelStart + tree.nextInt(levelSize);
                depth[c] = depth[parent[c]] + 1;
                categoryName[c] = DemoVocabulary.subcategoryName(DemoRandom.stream(seed, DemoRandom.CATEGORY_NAME, c));
            }
            levelStart = levelEnd;
            levelEnd = childrenEnd;
            next = childrenEnd;
        }
    }

    private float[][] categoryVectors(long seed) {
        float[][] vectors = new float[categories][];
        for (int c = 0; c < categories; c++) {
            SplittableRandom r = DemoRandom.stream(seed, DemoRandom.CATEGORY_VECTOR, c);
            vectors[c] = parent[c] < 0 ? noisy(new float[DIMENSION], 1.0, r) : noisy(vectors[parent[c]], CATEGORY_NOISE, r);
        }
        return vectors;
    }

    /** Puts every item in a random leaf category (a category without subcategories). */
    private void placeItems(SplittableRandom tree, long seed, float[][] categoryVectors) {
        boolean[] hasChildren = new boolean[categories];
        for (int c = 0; c < categories; c++) {
            if (parent[c] >= 0) {
                hasChildren[parent[c]] = true;
            }
        }
        int[] leaves = IntStream.range(0, categories).filter(c -> !hasChildren[c]).toArray();
        for (int i = 0; i < itemCategory.length; i++) {
            itemCategory[i] = leaves[tree.nextInt(leaves.length)];
            SplittableRandom r = DemoRandom.stream(seed, DemoRandom.ITEM_VECTOR, i);
            itemVector[i] = noisy(categoryVectors[itemCategory[i]], ITEM_NOISE, r);
        }
    }

    /** For each item, the {@link #NEIGHBOURS} most cosine-similar items of its category (ties by index). */
    private void linkNeighbours() {
        int[][] members = membersByCategory();
        for (int[] group : members) {
            for (int item : group) {
                int k = Math.min(NEIGHBOURS, group.length - 1);
                int[] best = new int[k];
                float[] bestScore = new float[k];
                Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
                for (int other : group) {
                    if (other != item) {
                        insert(best, bestScore, other, dot(itemVector[item], itemVector[other]));
                    }
                }
                float[] weights = new float[k];
                for (int j = 0; j < k; j++) {
                    weights[j] = Math.round(Math.max(0f, bestScore[j]) * 1000f) / 1000f;
                }
                neighbours[item] = best;
                neighbourWeights[item] = weights;
            }
        }
    }

    private int[][] membersByCategory() {
        int[] sizes = new int[categories];
        for (int c : itemCategory) {
            sizes[c]++;
        }
        int[][] members = new int[categories][];
        for (int c = 0; c < categories; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] filled = new int[categories];
        for (int i = 0; i < itemCategory.length; i++) {
            members[itemCategory[i]][filled[itemCategory[i]]++] = i;
        }
        return members;
    }

    /** Inserts into a descending top-k list; earlier (lower-index) candidates win ties. */
    private static void insert(int[] best, float[] score, int candidate, float s) {
        int k = best.length;
        if (k == 0 || s <= score[k - 1]) {
            return;
        }
        int at = k - 1;
        while (at > 0 && score[at - 1] < s) {
            best[at] = best[at - 1];
            score[at] = score[at - 1];
            at--;
        }
        best[at] = candidate;
        score[at] = s;
    }

    /** {@code base} plus Gaussian noise of standard deviation {@code sigma} per coordinate, normalised. */
    private static float[] noisy(float[] base, double sigma, SplittableRandom r) {
        float[] v = new float[base.length];
        double norm;
        do {
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (base[i] + sigma * gaussian(r));
                sum += (double) v[i] * v[i];
            }
            norm = Math.sqrt(sum);
        } while (norm < 1e-6);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    /** A standard normal variate (Box-Muller), using only the stream given. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    int categories() {
        return categories;
    }

    int items() {
        return itemCategory.length;
    }

    /** The parent category, or -1 for a root. */
    int parent(int category) {
        return parent[category];
    }

    int depth(int category) {
        return depth[category];
    }

    String categoryName(int category) {
        return categoryName[category];
    }

    int itemCategory(int item) {
        return itemCategory[item];
    }

    /** The item's unit-length embedding; do not modify. */
    float[] itemVector(int item) {
        return itemVector[item];
    }

    /** The item's nearest neighbours in its category, most similar first; do not modify. */
    int[] neighbours(int item) {
        return neighbours[item];
    }

    /** Cosine similarities of {@link #neighbours}, rounded to three decimals and at least 0; do not modify. */
    float[] neighbourWeights(int item) {
        return neighbourWeights[item];
    }
}
