package io.hyperspatial.core.positioning;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Places one new node at once from the positions of its parents (and, if known, its children),
 * without re-running the embedder: the cone construction's rule applied to a single node, so the
 * new node lands where a full run would roughly put it.
 *
 * <ul>
 *   <li>With parents: inside the cap of the deepest parent (angular radius ≈ 2·e^{−ρ/2}, the cap
 *       its radius ρ stands for), half-way between the cap's centre and rim in a direction drawn
 *       from {@code seed}, so siblings added one by one do not coincide; radius 2·ln 2 + ½ beyond
 *       the deepest parent. The cap's centre is the direction of the sum of the parents' space
 *       parts, which the deepest parent dominates.</li>
 *   <li>With children as well: towards the children's mean direction, at a radius between the
 *       deepest parent and the nearest child.</li>
 *   <li>With children only: in their mean direction, 2·ln 2 inside the nearest child.</li>
 * </ul>
 *
 * <p>Points are Lorentz coordinates of curvature −1, time first, as {@link LorentzEmbedding} gives
 * them. O((parents + children)·d), a few microseconds. Stateless and thread-safe.
 */
public final class IncrementalPlacement {
    private static final double LEVEL = 2 * Math.log(2);

    private IncrementalPlacement() {
    }

    /** The new node's position: dims + 1 Lorentz coordinates, time first. */
    public static double[] place(List<double[]> parents, List<double[]> children, long seed) {
        if (parents.isEmpty() && children.isEmpty()) {
            throw new IllegalArgumentException("a node is placed from at least one parent or child position");
        }
        int dims = (parents.isEmpty() ? children.getFirst() : parents.getFirst()).length - 1;
        if (dims < 1) {
            throw new IllegalArgumentException("a Lorentz point has at least 2 coordinates");
        }
        double[] parentSum = new double[dims];
        double parentRadius = spaceSum(parents, dims, parentSum, true);
        double[] childSum = new double[dims];
        double childRadius = children.isEmpty() ? Double.POSITIVE_INFINITY : spaceSum(children, dims, childSum, false);
        double[] direction = new double[dims];
        double radius;
        if (!children.isEmpty()) {
            unit(childSum, direction);
            radius = parents.isEmpty() ? Math.max(0, childRadius - LEVEL)
                    : Math.min(parentRadius + LEVEL, (parentRadius + childRadius) / 2);
        } else {
            double[] centre = new double[dims];
            unit(parentSum, centre);
            double cap = Math.min(Math.PI / 2, 2 * Math.exp(-parentRadius / 2));
            ConeConstruction.rotateTowardsRandom(centre, cap / 2, new SplittableRandom(seed), direction);
            radius = parentRadius + LEVEL + 0.5;
        }
        double[] point = new double[dims + 1];
        point[0] = Math.cosh(radius);
        double s = Math.sinh(radius);
        for (int k = 0; k < dims; k++) {
            point[k + 1] = s * direction[k];
        }
        return point;
    }

    /** Adds the points' space parts into sum; returns the largest (parents) or smallest radius. */
    private static double spaceSum(List<double[]> points, int dims, double[] sum, boolean largest) {
        double radius = largest ? 0 : Double.POSITIVE_INFINITY;
        for (double[] p : points) {
            if (p.length != dims + 1) {
                throw new IllegalArgumentException("points of " + p.length + " and " + (dims + 1)
                        + " coordinates mixed");
            }
            double norm = 0;
            for (int k = 0; k < dims; k++) {
                if (!Double.isFinite(p[k + 1])) {
                    throw new IllegalArgumentException("a position has a non-finite coordinate " + p[k + 1]);
                }
                sum[k] += p[k + 1];
                norm += p[k + 1] * p[k + 1];
            }
            double r = Math.log(Math.sqrt(norm) + Math.sqrt(norm + 1));
            radius = largest ? Math.max(radius, r) : Math.min(radius, r);
        }
        return radius;
    }

    private static void unit(double[] v, double[] out) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            out[0] = 1;
            return;
        }
        double inv = 1 / Math.sqrt(norm);
        for (int k = 0; k < v.length; k++) {
            out[k] = v[k] * inv;
        }
    }
}
