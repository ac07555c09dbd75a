package io.hyperspatial.core.vector;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vector API kernels against their scalar twin on seeded random slices of every length from
 * 0 to 300 (so every remainder modulo the vector width, every masked tail, and slices shorter
 * than one vector), at random offsets into larger arrays with random data around them. Float results
 * may differ in summation order only, so both are checked against a double-precision reference
 * within the worst-case bound of recursive float summation, n·ε·Σ|terms|; integer results must be
 * identical.
 */
class PanamaKernelsTest {
    private static final int MAX_LENGTH = 300;
    private static final int SLACK = 41;
    private static final double EPS = Math.ulp(1.0f);

    private final VectorKernels panama = new PanamaKernels();
    private final VectorKernels scalar = new ScalarKernels();

    @Test
    void dotAgreesWithScalarAtEveryLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            Slices s = Slices.random(random, n);
            double reference = 0;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                double t = (double) s.a[s.ao + i] * s.b[s.bo + i];
                reference += t;
                magnitude += Math.abs(t);
            }
            assertClose("dot", n, panama.dot(s.a, s.ao, s.b, s.bo, n), reference, magnitude);
            assertClose("dot", n, scalar.dot(s.a, s.ao, s.b, s.bo, n), reference, magnitude);
        }
    }

    @Test
    void squareDistanceAgreesWithScalarAtEveryLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            Slices s = Slices.random(random, n);
            double reference = 0;
            for (int i = 0; i < n; i++) {
                double d = (double) s.a[s.ao + i] - s.b[s.bo + i];
                reference += d * d;
            }
            // each difference is rounded once before squaring: 2ε more per term
            double magnitude = reference * (1 + 2 * EPS * 4);
            assertClose("squareDistance", n, panama.squareDistance(s.a, s.ao, s.b, s.bo, n), reference, magnitude);
            assertClose("squareDistance", n, scalar.squareDistance(s.a, s.ao, s.b, s.bo, n), reference, magnitude);
        }
    }

    @Test
    void lorentzInnerAgreesWithScalarAtEveryLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(13);
        for (int n = 1; n <= MAX_LENGTH; n++) {
            Slices s = Slices.random(random, n);
            double reference = -(double) s.a[s.ao] * s.b[s.bo];
            double magnitude = Math.abs(reference);
            for (int i = 1; i < n; i++) {
                double t = (double) s.a[s.ao + i] * s.b[s.bo + i];
                reference += t;
                magnitude += Math.abs(t);
            }
            assertClose("lorentzInner", n, panama.lorentzInner(s.a, s.ao, s.b, s.bo, n), reference, magnitude);
            assertClose("lorentzInner", n, scalar.lorentzInner(s.a, s.ao, s.b, s.bo, n), reference, magnitude);
        }
    }

    @Test
    void lorentzInnerSubtractsTheTimeProduct() {
        float[] x = {2f, 1f, 1f};
        float[] y = {3f, 2f, -1f};
        assertThat(panama.lorentzInner(x, 0, y, 0, 3)).isEqualTo(-6f + 2f - 1f);
        assertThat(scalar.lorentzInner(x, 0, y, 0, 3)).isEqualTo(-6f + 2f - 1f);
    }

    @Test
    void dotInt8IsExactAtEveryLengthAndOffsetIncludingExtremeBytes() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n = 0; n <= MAX_LENGTH; n++) {
            byte[] a = new byte[n + SLACK];
            byte[] b = new byte[n + SLACK];
            fillBytes(random, a);
            fillBytes(random, b);
            int ao = random.nextInt(SLACK + 1);
            int bo = random.nextInt(SLACK + 1);
            int reference = 0;
            for (int i = 0; i < n; i++) {
                reference += a[ao + i] * b[bo + i];
            }
            assertThat(panama.dotInt8(a, ao, b, bo, n)).as("dotInt8 n=%d", n).isEqualTo(reference);
            assertThat(scalar.dotInt8(a, ao, b, bo, n)).as("dotInt8 n=%d", n).isEqualTo(reference);
        }
        byte[] min = new byte[1024];
        java.util.Arrays.fill(min, Byte.MIN_VALUE);
        assertThat(panama.dotInt8(min, 0, min, 0, 1024)).isEqualTo(1024 * 128 * 128);
    }

    @Test
    void hammingIsExactAtEveryWordCountAndOffset() {
        SplittableRandom random = new SplittableRandom(15);
        for (int words = 0; words <= 64; words++) {
            long[] a = random.longs(words + SLACK).toArray();
            long[] b = random.longs(words + SLACK).toArray();
            int ao = random.nextInt(SLACK + 1);
            int bo = random.nextInt(SLACK + 1);
            int reference = 0;
            for (int i = 0; i < words; i++) {
                reference += Long.bitCount(a[ao + i] ^ b[bo + i]);
            }
            assertThat(panama.hamming(a, ao, b, bo, words)).as("hamming words=%d", words).isEqualTo(reference);
            assertThat(scalar.hamming(a, ao, b, bo, words)).as("hamming words=%d", words).isEqualTo(reference);
        }
        long[] ones = {-1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L, -1L};
        long[] zeros = new long[16];
        assertThat(panama.hamming(ones, 0, zeros, 0, 16)).isEqualTo(1024);
    }

    private static void assertClose(String kernel, int n, float actual, double reference, double magnitude) {
        double bound = Math.max(n, 1) * EPS * magnitude + Float.MIN_NORMAL;
        assertThat((double) actual).as("%s n=%d", kernel, n).isCloseTo(reference, org.assertj.core.api.Assertions.within(bound));
    }

    private static void fillBytes(SplittableRandom random, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
    }

    /** Two float arrays longer than n with a slice of length n at a random offset in each. */
    private record Slices(float[] a, int ao, float[] b, int bo) {
        static Slices random(SplittableRandom random, int n) {
            float[] a = new float[n + SLACK];
            float[] b = new float[n + SLACK];
            double scale = random.nextBoolean() ? 1 : 1000;
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (random.nextDouble(-1, 1) * scale);
                b[i] = (float) (random.nextDouble(-1, 1) * scale);
            }
            return new Slices(a, random.nextInt(SLACK + 1), b, random.nextInt(SLACK + 1));
        }
    }
}
