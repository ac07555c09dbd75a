package io.hyperspatial.core.positioning;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The combinatorial first placement: nested angular caps on the sphere of directions, one per node
 * of the spanning tree, sized by subtree size, with the radius derived from the cap.
 *
 * <p>Why caps. For points far from the origin, d(u,x) ≈ ρu + ρx + 2·ln sin(θ/2) (θ the angle
 * between their directions), so d(u,x) − ρu = ρx + 2·ln sin(θ/2) decides how x ranks for u
 * against the root at the origin, whose distance is exactly ρu. That quantity is below a threshold
 * exactly when u's direction lies inside a cap of angular radius about 2·e^{−ρx/2} around x's
 * direction. So if every node x gets a cap of angle φx, sits at radius ρx = m + 2·ln(2/φx) in the
 * middle of it, and the caps nest like the tree (a child's cap inside its parent's, siblings' caps
 * disjoint, and a child's cap not covering its parent's own direction), then for every node the
 * ancestors are exactly the nodes whose caps contain it: they rank before everything else.
 *
 * <p>A child's cap gets the share of its parent's cap that its weight (1 + its descendants in the
 * closure, see {@link SpanningTree#weight}) has among its siblings' weights, in solid angle (angle ∝
 * share^{1/(d−1)}), times {@code coneSlack} to leave room, and at most half the parent's angle.
 * Counting closure descendants rather than tree ones gives a node that many nodes reach through a
 * second parent a wider cap, so a smaller radius, and so a better rank among their ancestors. Its centre is the best of a few random candidates in the ring
 * between the parent's centre and rim (largest clearance from the siblings placed so far, biggest
 * subtrees first). A hierarchy with several roots hangs them under a virtual root at the origin.
 * Deterministic for a seed; O(Σ children² · candidates · d).
 */
final class ConeConstruction {
    private static final int CANDIDATES = 8;

    private ConeConstruction() {
    }

    static PolarPoints place(SpanningTree tree, EmbeddingConfig config) {
        int n = tree.parent.length;
        int d = config.dims();
        PolarPoints points = new PolarPoints(n, d);
        double[] cap = new double[n];
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] origin = new double[d];
        origin[0] = 1;
        if (tree.roots.length == 1) {
            int root = tree.roots[0];
            points.rho[root] = 0;
            System.arraycopy(origin, 0, points.dir, root * d, d);
            cap[root] = Math.PI;
        } else {
            placeChildren(tree.roots, origin, Math.PI, tree, config, points, cap, random);
        }
        int[] kids = new int[0];
        for (int v : tree.preorder) {
            int count = tree.childCount(v);
            if (count == 0) {
                continue;
            }
            if (kids.length < count) {
                kids = new int[count];
            }
            System.arraycopy(tree.children, tree.childStart[v], kids, 0, count);
            double[] centre = Arrays.copyOfRange(points.dir, v * d, (v + 1) * d);
            placeChildren(Arrays.copyOf(kids, count), centre, cap[v], tree, config, points, cap,
                    random);
        }
        points.refreshAll();
        return points;
    }

    private static void placeChildren(int[] children, double[] centre, double parentCap,
                                      SpanningTree tree, EmbeddingConfig config, PolarPoints points, double[] cap,
                                      SplittableRandom random) {
        int d = config.dims();
        Integer[] bySize = new Integer[children.length];
        for (int i = 0; i < children.length; i++) {
            bySize[i] = children[i];
        }
        Arrays.sort(bySize, (a, b) -> tree.weight[b] != tree.weight[a]
                ? Integer.compare(tree.weight[b], tree.weight[a]) : Integer.compare(a, b));
        double total = 0;
        for (int c : children) {
            total += tree.weight[c];
        }
        boolean wholeSphere = parentCap >= Math.PI;
        double[] candidate = new double[d];
        double[] best = new double[d];
        int[] placed = new int[children.length];
        for (int i = 0; i < bySize.length; i++) {
            int c = bySize[i];
            double share = tree.weight[c] / total;
            double angle = parentCap * config.coneSlack() * Math.pow(share, 1.0 / (d - 1));
            angle = Math.min(angle, wholeSphere ? Math.PI / 2 : parentCap / 2);
            cap[c] = angle;
            double bestClearance = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < CANDIDATES; t++) {
                if (wholeSphere) {
                    randomUnit(random, candidate);
                } else {
                    double ring = Math.max(0, parentCap - 2 * angle);
                    double beta = angle + ring * Math.pow(random.nextDouble(), 1.0 / (d - 1));
                    rotateTowardsRandom(centre, beta, random, candidate);
                }
                double clearance = Double.POSITIVE_INFINITY;
                for (int j = 0; j < i; j++) {
                    int s = placed[j];
                    double between = angleBetween(candidate, points.dir, s * d, d);
                    clearance = Math.min(clearance, between - angle - cap[s]);
                }
                if (clearance > bestClearance) {
                    bestClearance = clearance;
                    System.arraycopy(candidate, 0, best, 0, d);
                }
            }
            placed[i] = c;
            System.arraycopy(best, 0, points.dir, c * d, d);
            points.rho[c] = Math.min(config.maxRadius(), config.radiusMargin() + 2 * Math.log(2 / angle));
        }
    }

    /** A point at angle beta from the unit vector centre, in a uniformly random direction. */
    static void rotateTowardsRandom(double[] centre, double beta, SplittableRandom random, double[] out) {
        int d = centre.length;
        double dot;
        double norm;
        do {
            randomUnit(random, out);
            dot = 0;
            for (int k = 0; k < d; k++) {
                dot += out[k] * centre[k];
            }
            norm = 0;
            for (int k = 0; k < d; k++) {
                out[k] -= dot * centre[k];
                norm += out[k] * out[k];
            }
        } while (norm < 1e-12);
        double inv = 1 / Math.sqrt(norm);
        double cos = Math.cos(beta);
        double sin = Math.sin(beta);
        for (int k = 0; k < d; k++) {
            out[k] = cos * centre[k] + sin * out[k] * inv;
        }
    }

    static void randomUnit(SplittableRandom random, double[] out) {
        double norm;
        do {
            norm = 0;
            for (int k = 0; k < out.length; k++) {
                out[k] = gaussian(random);
                norm += out[k] * out[k];
            }
        } while (norm < 1e-12);
        double inv = 1 / Math.sqrt(norm);
        for (int k = 0; k < out.length; k++) {
            out[k] *= inv;
        }
    }

    static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** The angle between unit vector a and the unit vector at dirs[offset..offset+d), from their chord. */
    static double angleBetween(double[] a, double[] dirs, int offset, int d) {
        double chord = 0;
        for (int k = 0; k < d; k++) {
            double diff = a[k] - dirs[offset + k];
            chord += diff * diff;
        }
        return 2 * Math.asin(Math.min(1, Math.sqrt(chord) / 2));
    }
}
