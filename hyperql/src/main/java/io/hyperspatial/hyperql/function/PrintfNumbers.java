package io.hyperspatial.hyperql.function;

import java.nio.charset.StandardCharsets;

/**
 * The integer conversions of {@link SqlPrintf}, digit for digit as SQLite 3.40 writes them: the
 * {@code 0} flag turns the width into a precision (so {@code %,010d} may come out wider than 10,
 * and {@code %#010x} is {@code 0x00000000ff}); {@code ,} groups decimal digits only; {@code %u},
 * {@code %x}, {@code %o} print the 64-bit value unsigned. Stateless.
 */
final class PrintfNumbers {
    private static final String ORDINAL_SUFFIXES = "thstndrd";

    private PrintfNumbers() {
    }

    /** {@code %d}/{@code %i} (and {@code %r}, with an ordinal suffix: 1st, 2nd, 11th). */
    static byte[] signed(long v, SqlPrintf.Spec s, boolean ordinal) {
        byte prefix = v < 0 ? (byte) '-' : s.signPrefix;
        String magnitude = v < 0 ? Long.toUnsignedString(-v) : Long.toString(v);
        String suffix = "";
        if (ordinal) {
            long m = v < 0 ? -v : v;
            int x = (int) Long.remainderUnsigned(m, 10);
            if (x >= 4 || Long.remainderUnsigned(Long.divideUnsigned(m, 10), 10) == 1) {
                x = 0;
            }
            suffix = ORDINAL_SUFFIXES.substring(x * 2, x * 2 + 2);
        }
        return layout(magnitude + suffix, prefix, s, s.thousands && !ordinal, "");
    }

    /**
     * {@code %u} (base 10), {@code %x}, {@code %X}, {@code %p} (base 16) and {@code %o} (base 8) of the
     * unsigned 64-bit value; {@code charset} picks upper (0) or lower (16) case digits, {@code prefix}
     * the {@code #} flag's lead ({@code 1}: 0x, {@code 4}: 0X, {@code 2}: 0, 0: none).
     */
    static byte[] unsigned(long v, SqlPrintf.Spec s, int base, int charset, int prefix) {
        StringBuilder digits = new StringBuilder();
        long rest = v;
        do {
            digits.append((char) SqlPrintf.digit(charset, (int) Long.remainderUnsigned(rest, base)));
            rest = Long.divideUnsigned(rest, base);
        } while (rest != 0);
        String lead = switch (prefix) {
            case 1 -> "0x";
            case 4 -> "0X";
            case 2 -> "0";
            default -> "";
        };
        return layout(digits.reverse().toString(), (byte) 0, s, base == 10 && s.thousands,
                v == 0 ? "" : lead);
    }

    private static byte[] layout(String digits, byte prefix, SqlPrintf.Spec s, boolean thousands, String alternateLead) {
        int precision = s.precision;
        if (s.zeroPad && precision < s.width - (prefix != 0 ? 1 : 0)) {
            precision = s.width - (prefix != 0 ? 1 : 0);
        }
        SqlPrintf.checkSize(precision + precision / 3L + 4);
        StringBuilder b = new StringBuilder(Math.max(precision, digits.length()) + 8);
        for (int k = digits.length(); k < precision; k++) {
            b.append('0');
        }
        b.append(digits);
        if (thousands) {
            for (int at = b.length() - 3; at > 0; at -= 3) {
                b.insert(at, ',');
            }
        }
        if (prefix != 0) {
            b.insert(0, (char) prefix);
        }
        if (s.alternate) {
            b.insert(0, alternateLead);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
