package io.hyperspatial.hyperql.function;

import java.nio.charset.StandardCharsets;

/**
 * The real conversions of {@link SqlPrintf} ({@code %f %e %E %g %G}) as SQLite 3.40 writes them,
 * in its {@code long double} arithmetic ({@link ExtendedReal}): it adds half a unit of the last
 * printed digit (so {@code %.0f} of 2.5 is 3) and, for {@code %f} with few digits, a further 3e-16
 * of the value (so {@code %.2f} of 1.005 is 1.01), scales the value into [1, 10), then peels off
 * digits, at most 16 significant ones (26 with {@code !}), zeros after them. No thousands grouping
 * (3.40 has none for reals); -0.0 prints unsigned. Stateless.
 */
final class PrintfReal {
    private static final double[] ROUNDERS = {5.0e-01, 5.0e-02, 5.0e-03, 5.0e-04, 5.0e-05, 5.0e-06, 5.0e-07, 5.0e-08,
        5.0e-09, 5.0e-10};
    private static final ExtendedReal TEN_TO_MINUS_10 = ExtendedReal.of(1.0e-10);
    private static final ExtendedReal E100 = ExtendedReal.of(1e100);
    private static final ExtendedReal E10 = ExtendedReal.of(1e10);
    private static final ExtendedReal E8 = ExtendedReal.of(1e8);
    private static final ExtendedReal E_MINUS_8 = ExtendedReal.of(1e-8);
    private static final ExtendedReal TEN = ExtendedReal.of(10.0);
    private static final ExtendedReal ONE = ExtendedReal.of(1.0);
    private static final ExtendedReal TENTH = ExtendedReal.of(0.1);
    private PrintfReal() {
    }

    /** The text of {@code value} under {@code conversion} (one of {@code f e E g G}). */
    static byte[] format(double value, SqlPrintf.Spec s, char conversion) {
        int precision = s.precision < 0 ? 6 : s.precision;
        byte prefix = value < 0 ? (byte) '-' : s.signPrefix;
        double magnitude = Math.abs(value);
        if (Double.isNaN(value)) {
            return "NaN".getBytes(StandardCharsets.US_ASCII);
        }
        if (Double.isInfinite(value)) {
            return ((prefix != 0 ? String.valueOf((char) prefix) : "") + "Inf").getBytes(StandardCharsets.US_ASCII);
        }
        boolean generic = conversion == 'g' || conversion == 'G';
        boolean exponential = conversion != 'f';
        if (generic && precision > 0) {
            precision--;
        }
        int idx = precision & 0xfff;
        ExtendedReal rounder = ExtendedReal.of(ROUNDERS[idx % 10]);
        for (; idx >= 10; idx -= 10) {
            rounder = rounder.times(TEN_TO_MINUS_10);
        }
        ExtendedReal real = ExtendedReal.of(magnitude);
        if (!exponential) {
            int binaryExponent = -1023 + (int) ((Double.doubleToRawLongBits(magnitude) >>> 52) & 0x7ff);
            if (precision + binaryExponent / 3 < 15) {
                rounder = rounder.plus(real.times(ExtendedReal.of(3e-16)));
            }
            real = real.plus(rounder);
        }
        int exp = 0;
        if (!real.isZero()) {
            ExtendedReal scale = ExtendedReal.of(1L);
            while (real.compareTo(E100.times(scale)) >= 0 && exp <= 350) {
                scale = scale.times(E100);
                exp += 100;
            }
            while (real.compareTo(E10.times(scale)) >= 0 && exp <= 350) {
                scale = scale.times(E10);
                exp += 10;
            }
            while (real.compareTo(TEN.times(scale)) >= 0 && exp <= 350) {
                scale = scale.times(TEN);
                exp++;
            }
            real = real.dividedBy(scale);
            while (real.compareTo(E_MINUS_8) < 0) {
                real = real.times(E8);
                exp -= 8;
            }
            while (real.compareTo(ONE) < 0) {
                real = real.times(TEN);
                exp--;
            }
        }
        if (exponential) {
            real = real.plus(rounder);
            if (real.compareTo(TEN) >= 0) {
                real = real.times(TENTH);
                exp++;
            }
        }
        boolean stripZeros;
        boolean asExponent = exponential;
        if (generic) {
            stripZeros = !s.alternate;
            if (exp < -4 || exp > precision) {
                asExponent = true;
            } else {
                precision -= exp;
                asExponent = false;
            }
        } else {
            stripZeros = s.alternate2;
        }
        Digits digits = new Digits(real, 16 + (s.alternate2 ? 10 : 0));
        SqlPrintf.checkSize((long) Math.max(asExponent ? 0 : exp, 0) + precision + 8);
        StringBuilder b = new StringBuilder();
        if (prefix != 0) {
            b.append((char) prefix);
        }
        int e2 = asExponent ? 0 : exp;
        if (e2 < 0) {
            b.append('0');
        } else {
            for (; e2 >= 0; e2--) {
                b.append(digits.next());
            }
        }
        boolean point = precision > 0 || s.alternate || s.alternate2;
        if (point) {
            b.append('.');
        }
        for (e2++; e2 < 0; precision--, e2++) {
            b.append('0');
        }
        while (precision-- > 0) {
            b.append(digits.next());
        }
        if (stripZeros && point) {
            int end = b.length();
            while (b.charAt(end - 1) == '0') {
                end--;
            }
            b.setLength(end);
            if (b.charAt(end - 1) == '.') {
                if (s.alternate2) {
                    b.append('0');
                } else {
                    b.setLength(end - 1);
                }
            }
        }
        if (asExponent) {
            b.append(conversion == 'E' || conversion == 'G' ? 'E' : 'e');
            int e = Math.abs(exp);
            b.append(exp < 0 ? '-' : '+');
            if (e >= 100) {
                b.append((char) ('0' + e / 100));
                e %= 100;
            }
            b.append((char) ('0' + e / 10)).append((char) ('0' + e % 10));
        }
        if (s.zeroPad && !s.leftJustify && b.length() < s.width) {
            b.insert(prefix != 0 ? 1 : 0, "0".repeat(s.width - b.length()));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Hands out digits as SQLite's {@code et_getdigit}: the integer part, then the rest times ten; zeros past the limit. */
    private static final class Digits {
        private ExtendedReal value;
        private int left;

        Digits(ExtendedReal value, int limit) {
            this.value = value;
            this.left = limit;
        }

        char next() {
            if (left <= 0) {
                return '0';
            }
            left--;
            int digit = value.truncated();
            value = value.minus(ExtendedReal.of(digit)).times(TEN);
            return (char) ('0' + digit);
        }
    }
}
