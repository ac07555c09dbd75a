package io.hyperspatial.hyperql.function;

import java.math.BigInteger;

/**
 * A non-negative number in the x87 80-bit extended format that SQLite 3.40's printf computes in
 * ({@code long double} on x86-64 Linux): a 64-bit significand, every operation rounded to nearest,
 * ties to even. SQLite's real conversions show that arithmetic in their digits past the 16th
 * ({@code %!.20e} of 1/3 is 3.33333333333333314829e-01, the half-unit rounder lost below the
 * last bit), so {@link PrintfReal} repeats it here step for step. Immutable.
 *
 * @param significand at most 64 bits
 * @param exponent    the value is {@code significand * 2^exponent}
 */
record ExtendedReal(BigInteger significand, int exponent) {
    private static final int BITS = 64;
    static final ExtendedReal ZERO = new ExtendedReal(BigInteger.ZERO, 0);

    /** The exact value of a non-negative finite double. */
    static ExtendedReal of(double d) {
        long bits = Double.doubleToRawLongBits(d) & Long.MAX_VALUE;
        int biased = (int) (bits >>> 52);
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0) {
            return new ExtendedReal(BigInteger.valueOf(fraction), -1074);
        }
        return new ExtendedReal(BigInteger.valueOf(fraction | (1L << 52)), biased - 1075);
    }

    static ExtendedReal of(long n) {
        return rounded(BigInteger.valueOf(n), 0);
    }

    ExtendedReal plus(ExtendedReal o) {
        int e = Math.min(exponent, o.exponent);
        return rounded(significand.shiftLeft(exponent - e).add(o.significand.shiftLeft(o.exponent - e)), e);
    }

    /** This minus a smaller value. */
    ExtendedReal minus(ExtendedReal o) {
        int e = Math.min(exponent, o.exponent);
        return rounded(significand.shiftLeft(exponent - e).subtract(o.significand.shiftLeft(o.exponent - e)), e);
    }

    ExtendedReal times(ExtendedReal o) {
        return rounded(significand.multiply(o.significand), exponent + o.exponent);
    }

    ExtendedReal dividedBy(ExtendedReal o) {
        if (significand.signum() == 0) {
            return ZERO;
        }
        int shift = BITS + 2 + o.significand.bitLength() - significand.bitLength() + 1;
        BigInteger[] qr = significand.shiftLeft(Math.max(shift, 0)).divideAndRemainder(o.significand);
        BigInteger q = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
        return rounded(q, exponent - o.exponent - Math.max(shift, 0) - 1);
    }

    int compareTo(ExtendedReal o) {
        int e = Math.min(exponent, o.exponent);
        return significand.shiftLeft(exponent - e).compareTo(o.significand.shiftLeft(o.exponent - e));
    }

    boolean isZero() {
        return significand.signum() == 0;
    }

    /** The integer part (C's cast to int of a small value). */
    int truncated() {
        return (exponent >= 0 ? significand.shiftLeft(exponent) : significand.shiftRight(-exponent)).intValue();
    }

    /** {@code m * 2^e} rounded to 64 significant bits, ties to even. */
    private static ExtendedReal rounded(BigInteger m, int e) {
        int excess = m.bitLength() - BITS;
        if (excess <= 0) {
            return new ExtendedReal(m, e);
        }
        BigInteger q = m.shiftRight(excess);
        BigInteger rest = m.subtract(q.shiftLeft(excess));
        int c = rest.compareTo(BigInteger.ONE.shiftLeft(excess - 1));
        if (c > 0 || (c == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        if (q.bitLength() > BITS) {
            q = q.shiftRight(1);
            excess++;
        }
        return new ExtendedReal(q, e + excess);
    }
}
