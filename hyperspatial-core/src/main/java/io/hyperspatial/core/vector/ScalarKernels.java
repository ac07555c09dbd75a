package io.hyperspatial.core.vector;

/**
 * Plain-Java {@link VectorKernels}: the reference the SIMD implementation is tested against and
 * the fallback where the Vector API is unavailable. Stateless and thread-safe.
 */
public final class ScalarKernels implements VectorKernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    @Override
    public float squareDistance(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            float d = a[ao + i] - b[bo + i];
            s += d * d;
        }
        return s;
    }

    @Override
    public float lorentzInner(float[] a, int ao, float[] b, int bo, int n) {
        return dot(a, ao + 1, b, bo + 1, n - 1) - a[ao] * b[bo];
    }

    @Override
    public int dotInt8(byte[] a, int ao, byte[] b, int bo, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    @Override
    public int hamming(long[] a, int ao, long[] b, int bo, int words) {
        int s = 0;
        for (int i = 0; i < words; i++) {
            s += Long.bitCount(a[ao + i] ^ b[bo + i]);
        }
        return s;
    }
}
