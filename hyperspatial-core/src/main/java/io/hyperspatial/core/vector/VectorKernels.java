package io.hyperspatial.core.vector;

/**
 * The arithmetic every distance is built from, over slices of float, byte and long arrays (so
 * vectors can live in flat pages rather than one object each). One implementation uses the JDK
 * Vector API, its twin is plain scalar Java; {@link #get()} picks one once at startup and the
 * system property {@code hyperspatial.vectorization=panama|scalar} forces either. The two agree
 * up to float rounding (tested). Implementations are stateless and thread-safe.
 */
public interface VectorKernels {

    /** The implementation chosen for this JVM. */
    static VectorKernels get() {
        return VectorKernelsProvider.INSTANCE;
    }

    /** Short name, {@code panama} or {@code scalar}. */
    String name();

    /** Σ a[ao+i]·b[bo+i] for i in [0, n). */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /** Σ (a[ao+i] − b[bo+i])² for i in [0, n). */
    float squareDistance(float[] a, int ao, float[] b, int bo, int n);

    /** The Minkowski inner product −a₀b₀ + Σ_{i≥1} aᵢbᵢ of Lorentz points (time coordinate first). */
    float lorentzInner(float[] a, int ao, float[] b, int bo, int n);

    /** Σ a[ao+i]·b[bo+i] of signed bytes, for int8-quantized vectors. */
    int dotInt8(byte[] a, int ao, byte[] b, int bo, int n);

    /** Number of differing bits over {@code words} 64-bit words, for binary-quantized vectors. */
    int hamming(long[] a, int ao, long[] b, int bo, int words);
}
