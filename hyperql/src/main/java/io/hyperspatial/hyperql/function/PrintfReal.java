package io.hyperspatial.hyperql.function;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The real conversions of {@link SqlPrintf} ({@code %f %e %E %g %G}) as SQLite 3.40 writes them:
 * it adds half a unit of the last printed digit (so {@code %.0f} of 2.5 is 3) and, for {@code %f}
 * with few digits, a further 3e-16 of the value (so {@code %.2f} of 1.005 is 1.01), then prints
 * the digits by truncation, at most 16 significant ones (26 with {@code !}), zeros after them.
 * Here the sums are exact decimals where SQLite uses {@code long double}; the two agree on the
 * digits shown. No thousands grouping (3.40 has none for reals); -0.0 prints unsigned. Stateless.
 */
final class PrintfReal {
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
        int roundingDigits = (precision & 0xfff) + 1;
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal rounded;
        int exp;
        if (!exponential) {
            int binaryExponent = -1023 + (int) ((Double.doubleToRawLongBits(magnitude) >>> 52) & 0x7ff);
            rounded = exact.add(BigDecimal.ONE.scaleByPowerOfTen(-roundingDigits).multiply(BigDecimal.valueOf(5)));
            if (precision + binaryExponent / 3 < 15) {
                rounded = rounded.add(exact.multiply(new BigDecimal(3e-16)));
            }
            exp = leadingExponent(rounded);
        } else if (magnitude == 0) {
            rounded = BigDecimal.ZERO;
            exp = 0;
        } else {
            int normal = leadingExponent(exact);
            rounded = exact.add(BigDecimal.valueOf(5).scaleByPowerOfTen(normal - roundingDigits));
            exp = leadingExponent(rounded);
        }
        String significant = rounded.signum() == 0 ? "" : rounded.unscaledValue().toString();
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
        Digits digits = new Digits(significant, 16 + (s.alternate2 ? 10 : 0));
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

    /** The power of ten of a positive decimal's leading digit (1.5: 0, 0.05: -2). */
    private static int leadingExponent(BigDecimal d) {
        return d.precision() - d.scale() - 1;
    }

    /** Hands out significant digits in order, as SQLite's {@code et_getdigit}: zeros past its limit or the value's end. */
    private static final class Digits {
        private final String significant;
        private final int limit;
        private int next;

        Digits(String significant, int limit) {
            this.significant = significant;
            this.limit = limit;
        }

        char next() {
            int k = next++;
            return k < limit && k < significant.length() ? significant.charAt(k) : '0';
        }
    }
}
