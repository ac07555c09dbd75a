package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.geometry.HyperbolicModels;

/**
 * Positions (float64 hyperboloid points) as the float32 Poincaré-ball points HyperQL shows and
 * position searches take as queries. Stateless.
 */
public final class PositionPoints {
    private PositionPoints() {
    }

    /**
     * The float32 ball point of a hyperboloid point (time first) of curvature −c. A point whose
     * rounding lands on or past the boundary is pulled back inside by the smallest float step that
     * does it.
     */
    public static float[] toBall(HyperbolicModels models, double curvature, double[] x) {
        return toFloatBall(models.toPoincare(x), curvature);
    }

    /**
     * A float64 point of the ball of curvature −c rounded to float32; a point whose rounding lands
     * on or past the boundary is pulled back inside by the smallest float step that does it.
     */
    public static float[] toFloatBall(double[] p, double curvature) {
        float[] out = new float[p.length];
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) p[i];
            sq += (double) out[i] * out[i];
        }
        while (curvature * sq >= 1.0) {
            sq = 0;
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.nextDown(Math.abs(out[i])) * Math.signum(out[i]);
                sq += (double) out[i] * out[i];
            }
        }
        return out;
    }
}
