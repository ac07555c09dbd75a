package io.hyperspatial.core.index.score;

import java.util.Arrays;

/**
 * What codes are measured against, fitted once on the first vectors of a space: the centre μ
 * subtracted from every image (null for the hyperbolic metrics, which keep the origin) and the
 * int8 step, chosen so that ±127 covers the {@value #COVERED} quantile of the centred
 * coordinates' magnitudes in the sample. Taking a high quantile rather than the maximum keeps one
 * outlier from coarsening every other code; coordinates beyond it, in the sample or later, clamp
 * to ±127. Immutable.
 */
record Calibration(float[] centre, float step) {
    static final double COVERED = 0.999;

    /** Fits a calibration on the images of the sample vectors (see {@link QuantizationFrame#image}). */
    static Calibration fit(float[][] images, boolean centred) {
        int n = images.length;
        int d = images[0].length;
        float[] centre = null;
        if (centred) {
            double[] sum = new double[d];
            for (float[] image : images) {
                for (int i = 0; i < d; i++) {
                    sum[i] += image[i];
                }
            }
            centre = new float[d];
            for (int i = 0; i < d; i++) {
                centre[i] = (float) (sum[i] / n);
            }
        }
        float[] magnitudes = new float[n * d];
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < d; i++) {
                magnitudes[v * d + i] = Math.abs(images[v][i] - (centre == null ? 0 : centre[i]));
            }
        }
        Arrays.sort(magnitudes);
        float range = magnitudes[(int) Math.min(magnitudes.length - 1, Math.ceil(COVERED * magnitudes.length))];
        if (!(range > 0)) {
            range = magnitudes[magnitudes.length - 1] > 0 ? magnitudes[magnitudes.length - 1] : 1f;
        }
        return new Calibration(centre, range / Byte.MAX_VALUE);
    }
}
