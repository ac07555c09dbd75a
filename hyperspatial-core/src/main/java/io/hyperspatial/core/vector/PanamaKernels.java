package io.hyperspatial.core.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorKernels} on the JDK Vector API ({@code jdk.incubator.vector}), at the CPU's
 * preferred vector width. Float loops keep several accumulators while several vectors remain,
 * so consecutive fused multiply-adds do not wait on each other, then take one vector at a time,
 * and finish with one masked step over the last partial vector instead of a scalar loop: a
 * 16-dimensional hyperbolic vector is one step on AVX-512, and a 15-coordinate Lorentz space
 * part is one masked step. Float results therefore differ from {@link ScalarKernels} in summation
 * order only (and in FMA's single rounding). Integer results are exact.
 *
 * <p>Vectors shorter than 16 full vectors take a two-accumulator loop small enough (under C2's
 * 325-byte limit for hot callees) to be inlined into the scoring loop; longer ones a
 * four-accumulator loop in a method of its own, whose call is paid once per long vector. With
 * one method for every length (390 bytes of bytecode), every score was a call C2 would not
 * inline; the split took our query throughput on 100,000 16-d Poincaré points from 0.61 to about
 * 0.75 of native hnswlib's (0.71–0.81 over seven runs), and on 100,000 128-d l2 points from 0.57
 * to 0.63–0.66 (bench/run-ann-paired.sh, medians of 15 to 25 alternated rounds per run).
 *
 * <p>The int8 dot product loads a quarter-width byte vector, widens it to shorts (a product of
 * two bytes fits in 16 bits), multiplies there and widens the products to ints to accumulate, so
 * the accumulator is a full-width int vector; the tail is scalar. Where the preferred int vector
 * is narrower than 256 bits the whole int8 product is scalar. Hamming distance XORs whole long
 * vectors and counts bits per lane (a masked step for the last words); the bench module measured
 * it faster than {@link Long#bitCount} in a loop already at 384 bits.
 *
 * <p>Stateless and thread-safe. Only loaded when the module is in the boot layer (see
 * {@link VectorKernels#get()}).
 */
public final class PanamaKernels implements VectorKernels {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int F = FLOATS.length();
    /**
     * Float vectors at least this long take the four-accumulator loop, a call of its own;
     * shorter ones a two-accumulator loop small enough to be inlined where it is scored.
     */
    private static final int UNROLL_FROM = 16 * F;

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int INT_BITS = INTS.vectorBitSize();
    /** Bytes loaded per step of the int8 loop; null where the int vector is narrower than 256 bits. */
    private static final VectorSpecies<Byte> BYTES =
            INT_BITS >= 256 ? ByteVector.SPECIES_MAX.withShape(VectorShape.forBitSize(INT_BITS / 4)) : null;
    private static final VectorSpecies<Short> SHORTS =
            INT_BITS >= 256 ? ShortVector.SPECIES_MAX.withShape(VectorShape.forBitSize(INT_BITS / 2)) : null;

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;

    @Override
    public String name() {
        return "panama";
    }

    /** Float lanes per vector on this CPU (8 for AVX2, 16 for AVX-512). */
    public static int floatLanes() {
        return F;
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        if (n >= UNROLL_FROM) {
            return dotUnrolled(a, ao, b, bo, n);
        }
        FloatVector acc1 = FloatVector.zero(FLOATS);
        int i = 0;
        if (n >= 2 * F) {
            FloatVector acc2 = FloatVector.zero(FLOATS);
            for (int bound = n - 2 * F; i <= bound; i += 2 * F) {
                acc1 = load(a, ao + i).fma(load(b, bo + i), acc1);
                acc2 = load(a, ao + i + F).fma(load(b, bo + i + F), acc2);
            }
            acc1 = acc1.add(acc2);
        }
        for (int bound = n - F; i <= bound; i += F) {
            acc1 = load(a, ao + i).fma(load(b, bo + i), acc1);
        }
        if (i < n) {
            VectorMask<Float> tail = FLOATS.indexInRange(i, n);
            acc1 = FloatVector.fromArray(FLOATS, a, ao + i, tail).fma(FloatVector.fromArray(FLOATS, b, bo + i, tail), acc1);
        }
        return acc1.reduceLanes(VectorOperators.ADD);
    }

    /** {@link #dot} of at least {@link #UNROLL_FROM} floats, four accumulators at a time. */
    private static float dotUnrolled(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc1 = FloatVector.zero(FLOATS);
        FloatVector acc2 = FloatVector.zero(FLOATS);
        FloatVector acc3 = FloatVector.zero(FLOATS);
        FloatVector acc4 = FloatVector.zero(FLOATS);
        int i = 0;
        for (int bound = n - 4 * F; i <= bound; i += 4 * F) {
            acc1 = load(a, ao + i).fma(load(b, bo + i), acc1);
            acc2 = load(a, ao + i + F).fma(load(b, bo + i + F), acc2);
            acc3 = load(a, ao + i + 2 * F).fma(load(b, bo + i + 2 * F), acc3);
            acc4 = load(a, ao + i + 3 * F).fma(load(b, bo + i + 3 * F), acc4);
        }
        acc1 = acc1.add(acc2).add(acc3.add(acc4));
        for (int bound = n - F; i <= bound; i += F) {
            acc1 = load(a, ao + i).fma(load(b, bo + i), acc1);
        }
        if (i < n) {
            VectorMask<Float> tail = FLOATS.indexInRange(i, n);
            acc1 = FloatVector.fromArray(FLOATS, a, ao + i, tail).fma(FloatVector.fromArray(FLOATS, b, bo + i, tail), acc1);
        }
        return acc1.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public float squareDistance(float[] a, int ao, float[] b, int bo, int n) {
        if (n >= UNROLL_FROM) {
            return squareDistanceUnrolled(a, ao, b, bo, n);
        }
        FloatVector acc1 = FloatVector.zero(FLOATS);
        int i = 0;
        if (n >= 2 * F) {
            FloatVector acc2 = FloatVector.zero(FLOATS);
            for (int bound = n - 2 * F; i <= bound; i += 2 * F) {
                FloatVector d1 = load(a, ao + i).sub(load(b, bo + i));
                FloatVector d2 = load(a, ao + i + F).sub(load(b, bo + i + F));
                acc1 = d1.fma(d1, acc1);
                acc2 = d2.fma(d2, acc2);
            }
            acc1 = acc1.add(acc2);
        }
        for (int bound = n - F; i <= bound; i += F) {
            FloatVector d = load(a, ao + i).sub(load(b, bo + i));
            acc1 = d.fma(d, acc1);
        }
        if (i < n) {
            VectorMask<Float> tail = FLOATS.indexInRange(i, n);
            FloatVector d = FloatVector.fromArray(FLOATS, a, ao + i, tail).sub(FloatVector.fromArray(FLOATS, b, bo + i, tail));
            acc1 = d.fma(d, acc1);
        }
        return acc1.reduceLanes(VectorOperators.ADD);
    }

    /** {@link #squareDistance} of at least {@link #UNROLL_FROM} floats, four accumulators at a time. */
    private static float squareDistanceUnrolled(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc1 = FloatVector.zero(FLOATS);
        FloatVector acc2 = FloatVector.zero(FLOATS);
        FloatVector acc3 = FloatVector.zero(FLOATS);
        FloatVector acc4 = FloatVector.zero(FLOATS);
        int i = 0;
        for (int bound = n - 4 * F; i <= bound; i += 4 * F) {
            FloatVector d1 = load(a, ao + i).sub(load(b, bo + i));
            FloatVector d2 = load(a, ao + i + F).sub(load(b, bo + i + F));
            FloatVector d3 = load(a, ao + i + 2 * F).sub(load(b, bo + i + 2 * F));
            FloatVector d4 = load(a, ao + i + 3 * F).sub(load(b, bo + i + 3 * F));
            acc1 = d1.fma(d1, acc1);
            acc2 = d2.fma(d2, acc2);
            acc3 = d3.fma(d3, acc3);
            acc4 = d4.fma(d4, acc4);
        }
        acc1 = acc1.add(acc2).add(acc3.add(acc4));
        for (int bound = n - F; i <= bound; i += F) {
            FloatVector d = load(a, ao + i).sub(load(b, bo + i));
            acc1 = d.fma(d, acc1);
        }
        if (i < n) {
            VectorMask<Float> tail = FLOATS.indexInRange(i, n);
            FloatVector d = FloatVector.fromArray(FLOATS, a, ao + i, tail).sub(FloatVector.fromArray(FLOATS, b, bo + i, tail));
            acc1 = d.fma(d, acc1);
        }
        return acc1.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public float lorentzInner(float[] a, int ao, float[] b, int bo, int n) {
        return dot(a, ao + 1, b, bo + 1, n - 1) - a[ao] * b[bo];
    }

    @Override
    public int dotInt8(byte[] a, int ao, byte[] b, int bo, int n) {
        int i = 0;
        int s = 0;
        if (BYTES != null && n >= BYTES.length()) {
            IntVector acc = IntVector.zero(INTS);
            int step = BYTES.length();
            for (int bound = n - step; i <= bound; i += step) {
                ShortVector va = (ShortVector) ByteVector.fromArray(BYTES, a, ao + i)
                        .convertShape(VectorOperators.B2S, SHORTS, 0);
                ShortVector vb = (ShortVector) ByteVector.fromArray(BYTES, b, bo + i)
                        .convertShape(VectorOperators.B2S, SHORTS, 0);
                acc = acc.add(va.mul(vb).convertShape(VectorOperators.S2I, INTS, 0));
            }
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    @Override
    public int hamming(long[] a, int ao, long[] b, int bo, int words) {
        LongVector acc = LongVector.zero(LONGS);
        int lanes = LONGS.length();
        int i = 0;
        for (int bound = words - lanes; i <= bound; i += lanes) {
            acc = acc.add(LongVector.fromArray(LONGS, a, ao + i)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(LONGS, b, bo + i))
                    .lanewise(VectorOperators.BIT_COUNT));
        }
        if (i < words) {
            VectorMask<Long> tail = LONGS.indexInRange(i, words);
            acc = acc.add(LongVector.fromArray(LONGS, a, ao + i, tail)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(LONGS, b, bo + i, tail))
                    .lanewise(VectorOperators.BIT_COUNT));
        }
        return (int) acc.reduceLanes(VectorOperators.ADD);
    }

    private static FloatVector load(float[] array, int offset) {
        return FloatVector.fromArray(FLOATS, array, offset);
    }
}
