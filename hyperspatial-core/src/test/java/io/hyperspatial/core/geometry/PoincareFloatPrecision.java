package io.hyperspatial.core.geometry;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.score.FloatScoringSpace;
import io.hyperspatial.core.index.score.ScoringSpaces;
import io.hyperspatial.manifold.schema.VectorMetric;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How much float32 costs hyperbolic distances, radius by radius: the table of docs/geometry.md. For
 * pairs of points at Euclidean radius r (curvature −1, dimension 16), the relative error against the
 * double distance of the double points, for three float32 paths:
 * <ul>
 *   <li>storage: coordinates rounded to float32, then {@link PoincareBall#distance} in double;</li>
 *   <li>index: the index's exact Poincaré space (float32 score ‖u−v‖²·α_u·α_v with α cached from a
 *       double computation, acosh in double);</li>
 *   <li>float: every step in float32, α and acosh included;</li>
 *   <li>Lorentz index: the same pairs lifted to the hyperboloid in double, rounded to float32, and
 *       scored by the index's exact Lorentz space.</li>
 * </ul>
 * "random" pairs have independent directions; "close" pairs are at hyperbolic distance ≈ 0.1 on the
 * same sphere, the neighbours a search must order; "radial" pairs are a point and one 0.5 farther
 * out in nearly the same direction (a parent and its child in a hierarchy). A pair whose float32
 * ball coordinates round onto or past the boundary is counted as outside and left out of the ball
 * paths; the Lorentz path measures every pair. Reproduce from the repository root with
 * <pre>
 *   mvn -B -q -ntp -pl hyperspatial-core -am test-compile
 *   java --add-modules jdk.incubator.vector \
 *     -cp hyperspatial-core/target/classes:hyperspatial-core/target/test-classes:manifold/target/classes \
 *     io.hyperspatial.core.geometry.PoincareFloatPrecision
 * </pre>
 * {@code PoincareFloatPrecisionTest} checks the claims the documentation draws from it.
 */
final class PoincareFloatPrecision {
    static final double[] RADII = {0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999, 0.9999999};
    static final int DIMENSION = 16;
    static final int PAIRS = 2000;
    static final long SEED = 20260301L;

    enum Pairs { RANDOM, CLOSE, RADIAL }

    /** Median and maximum relative error of one path over the pairs. */
    record Errors(double median, double max) {
        static Errors of(double[] relative) {
            double[] sorted = relative.clone();
            Arrays.sort(sorted);
            return new Errors(sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2],
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        }
    }

    /**
     * One radius and kind of pair: how many pairs the ball paths measured, how many had a point
     * round onto or past the boundary in float32 (measured by the Lorentz path only).
     */
    record Row(double radius, Pairs pairs, int measured, int outside, Errors storage, Errors index, Errors allFloat,
               Errors lorentzIndex) {
    }

    private PoincareFloatPrecision() {
    }

    static Row measure(double radius, Pairs kind, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FloatScoringSpace space = ScoringSpaces.create(IndexConfig.of(VectorMetric.POINCARE, DIMENSION));
        FloatScoringSpace lorentzSpace = ScoringSpaces.create(IndexConfig.of(VectorMetric.LORENTZ, DIMENSION + 1));
        HyperbolicModels models = new HyperbolicModels(1);
        double[] storage = new double[count];
        double[] lorentz = new double[count];
        double[] index = new double[count];
        double[] allFloat = new double[count];
        int measured = 0;
        int outside = 0;
        for (int i = 0; i < count; i++) {
            double[][] pair = pair(random, radius, kind);
            double[] x = pair[0];
            double[] y = pair[1];
            double exact = PoincareBall.UNIT.distance(x, y);
            int lorentzOrdinal = lorentzSpace.add(toFloat(models.toLorentz(y)));
            float[] query = toFloat(models.toLorentz(x));
            lorentz[i] = relative(lorentzSpace.distance(lorentzSpace.scorer(query).score(lorentzOrdinal)), exact);
            float[] xf = toFloat(x);
            float[] yf = toFloat(y);
            if (squaredNorm(xf) >= 1 || squaredNorm(yf) >= 1) {
                outside++;
                continue;
            }
            storage[measured] = relative(PoincareBall.UNIT.distance(toDouble(xf), toDouble(yf)), exact);
            int ordinal = space.add(yf);
            index[measured] = relative(space.distance(space.scorer(xf).score(ordinal)), exact);
            allFloat[measured] = relative(floatDistance(xf, yf), exact);
            measured++;
        }
        return new Row(radius, kind, measured, outside, Errors.of(Arrays.copyOf(storage, measured)),
                Errors.of(Arrays.copyOf(index, measured)), Errors.of(Arrays.copyOf(allFloat, measured)),
                Errors.of(lorentz));
    }

    /** acosh(1 + 2‖u−v‖²/((1−‖u‖²)(1−‖v‖²))) with every operation rounded to float32. */
    static float floatDistance(float[] u, float[] v) {
        float uu = 0;
        float vv = 0;
        float diff = 0;
        for (int i = 0; i < u.length; i++) {
            uu += u[i] * u[i];
            vv += v[i] * v[i];
            float d = u[i] - v[i];
            diff += d * d;
        }
        float arg = 1f + 2f * diff / ((1f - uu) * (1f - vv));
        return (float) Math.log(arg + (float) Math.sqrt(arg * arg - 1f));
    }

    /**
     * A point at Euclidean radius r and another: at the same radius with an independent direction
     * or ≈ 0.1 apart, or 0.5 farther from the origin with a direction ≈ 0.02 (transversally) apart.
     */
    static double[][] pair(SplittableRandom random, double radius, Pairs kind) {
        double[] u = gaussianUnit(random);
        double[] y = switch (kind) {
            case RANDOM -> Vectors.scale(radius, gaussianUnit(random));
            case CLOSE -> neighbour(random, u, radius, 0.05);
            case RADIAL -> {
                double farther = Math.tanh(HyperbolicFunctions.atanh(radius) + 0.25);
                yield Vectors.scale(farther / radius, neighbour(random, u, radius, 0.01));
            }
        };
        return new double[][] {Vectors.scale(radius, u), y};
    }

    /** A point on the sphere of radius r at hyperbolic distance ≈ 2·chord from r·u: Euclidean chord ≈ chord·(1 − r²). */
    private static double[] neighbour(SplittableRandom random, double[] u, double radius, double chord) {
        double[] w = gaussianUnit(random);
        double[] across = Vectors.combine(1, w, -Vectors.dot(w, u), u);
        double angle = chord * (1 - radius * radius) / radius;
        double[] direction = Vectors.combine(1, u, angle / Vectors.norm(across), across);
        return Vectors.scale(radius / Vectors.norm(direction), direction);
    }

    private static double[] gaussianUnit(SplittableRandom random) {
        double[] v = new double[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return Vectors.scale(1 / Vectors.norm(v), v);
    }

    private static double relative(double approximate, double exact) {
        return Math.abs(approximate - exact) / exact;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] toDouble(float[] f) {
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = f[i];
        }
        return v;
    }

    private static double squaredNorm(float[] f) {
        double s = 0;
        for (float v : f) {
            s += (double) v * v;
        }
        return s;
    }

    public static void main(String[] args) {
        System.out.println("| r | d(0, r·e₁) | pairs | float32 storage, double math (median / max) "
                + "| index float32 score (median / max) | all float32 (median / max) "
                + "| Lorentz index float32 (median / max) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (double r : RADII) {
            for (Pairs kind : Pairs.values()) {
                Row row = measure(r, kind, PAIRS, SEED);
                System.out.println(String.format(Locale.ROOT, "| %s | %.2f | %s%s | %s | %s | %s | %s |", r,
                        2 * HyperbolicFunctions.atanh(r), kind.name().toLowerCase(Locale.ROOT),
                        row.outside() > 0 ? " (" + row.outside() + "/" + PAIRS + " rounded outside)" : "",
                        show(row.storage()), show(row.index()), show(row.allFloat()), show(row.lorentzIndex())));
            }
        }
    }

    private static String show(Errors e) {
        return String.format(Locale.ROOT, "%.1e / %.1e", e.median(), e.max());
    }
}
