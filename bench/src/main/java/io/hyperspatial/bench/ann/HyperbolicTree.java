package io.hyperspatial.bench.ann;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded hierarchical points in hyperbolic space (curvature −1), the data sets (c) Poincaré and
 * (d) Lorentz. A random tree is grown level by level from a root at the origin, each node with 2
 * to 6 children, until it holds n nodes; every node is a point. A node at level ℓ lies at
 * hyperbolic distance ≈ ℓ·step from the origin, where step puts the deepest level at Poincaré
 * radius {@value #LEAF_RADIUS} (±10%), and in a direction near its parent's, with an angular
 * spread of 0.75^(ℓ−1) radians that shrinks with depth: siblings cluster, subtrees nest, and
 * neighbouring subtrees overlap enough that the nearest neighbours are not trivial to find. Most nodes sit on the last levels, so radii
 * are skewed toward the boundary. Queries are fresh siblings of random base nodes (a new child of
 * the node's parent at the node's level), drawn from the same process but never base points.
 * Immutable.
 */
final class HyperbolicTree {
    /** Poincaré radius of the deepest level: the leaves crowd the boundary. */
    static final double LEAF_RADIUS = 0.995;
    /** No point beyond this Poincaré radius, so float32 coordinates stay strictly inside the ball. */
    static final double MAX_RADIUS = 0.9995;

    private final int dimension;
    private final long seed;
    private final int[] parent;
    private final int[] level;
    private final double[] radius;
    private final double[][] direction;
    private final double step;

    /** Grows a tree of {@code n} nodes in the ball of {@code dimension} dimensions. */
    HyperbolicTree(int n, int dimension, long seed) {
        if (n < 2 || dimension < 2) {
            throw new IllegalArgumentException("need at least 2 points of at least 2 dimensions");
        }
        this.dimension = dimension;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        parent = new int[n];
        level = new int[n];
        parent[0] = -1;
        int count = 1;
        List<Integer> previous = List.of(0);
        int depth = 0;
        while (count < n) {
            depth++;
            List<Integer> parents = new ArrayList<>(previous);
            shuffle(parents, random);
            List<Integer> current = new ArrayList<>();
            for (int p : parents) {
                int children = 2 + random.nextInt(5);
                for (int c = 0; c < children && count < n; c++) {
                    parent[count] = p;
                    level[count] = depth;
                    current.add(count++);
                }
            }
            previous = current;
        }
        step = 2 * atanh(LEAF_RADIUS) / depth;
        radius = new double[n];
        direction = new double[n][];
        direction[0] = unit(gaussian(random, dimension, 1.0));
        for (int i = 1; i < n; i++) {
            place(i, parent[i], level[i], random);
        }
    }

    int size() {
        return parent.length;
    }

    /** The base points in the Poincaré ball. */
    float[][] poincare() {
        float[][] out = new float[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = poincare(radius[i], direction[i]);
        }
        return out;
    }

    /** The base points on the hyperboloid, time coordinate first ({@code dimension + 1} coordinates). */
    float[][] lorentz() {
        float[][] out = new float[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lorentz(radius[i], direction[i]);
        }
        return out;
    }

    /** {@code m} query points, in the Poincaré ball ({@code lorentz} false) or on the hyperboloid. */
    float[][] queries(int m, boolean lorentz) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[][] out = new float[m][];
        for (int q = 0; q < m; q++) {
            int sibling = 1 + random.nextInt(size() - 1);
            double[] rd = child(parent[sibling], level[sibling], random);
            double r = rd[0];
            double[] dir = Arrays.copyOfRange(rd, 1, rd.length);
            out[q] = lorentz ? lorentz(r, dir) : poincare(r, dir);
        }
        return out;
    }

    private void place(int node, int parentNode, int nodeLevel, SplittableRandom random) {
        double[] rd = child(parentNode, nodeLevel, random);
        radius[node] = rd[0];
        direction[node] = Arrays.copyOfRange(rd, 1, rd.length);
    }

    /** Radius and direction of a new child of {@code parentNode} at {@code childLevel}, packed as {r, u...}. */
    private double[] child(int parentNode, int childLevel, SplittableRandom random) {
        double r = Math.min(2 * atanh(MAX_RADIUS), childLevel * step * (1 + 0.1 * random.nextGaussian()));
        double[] dir;
        if (parentNode == 0) {
            dir = unit(gaussian(random, dimension, 1.0));
        } else {
            double spread = Math.pow(0.75, childLevel - 1) / Math.sqrt(dimension);
            double[] noise = gaussian(random, dimension, spread);
            double[] p = direction[parentNode];
            for (int j = 0; j < dimension; j++) {
                noise[j] += p[j];
            }
            dir = unit(noise);
        }
        double[] packed = new double[dimension + 1];
        packed[0] = Math.max(0, r);
        System.arraycopy(dir, 0, packed, 1, dimension);
        return packed;
    }

    private static float[] poincare(double r, double[] dir) {
        double norm = Math.tanh(r / 2);
        float[] p = new float[dir.length];
        for (int j = 0; j < dir.length; j++) {
            p[j] = (float) (norm * dir[j]);
        }
        return p;
    }

    private static float[] lorentz(double r, double[] dir) {
        float[] x = new float[dir.length + 1];
        x[0] = (float) Math.cosh(r);
        double s = Math.sinh(r);
        for (int j = 0; j < dir.length; j++) {
            x[j + 1] = (float) (s * dir[j]);
        }
        return x;
    }

    private static double[] gaussian(SplittableRandom random, int dimension, double sd) {
        double[] v = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            v[j] = random.nextGaussian() * sd;
        }
        return v;
    }

    private static double[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return v;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
