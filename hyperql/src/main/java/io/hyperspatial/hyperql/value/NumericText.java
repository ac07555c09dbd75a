package io.hyperspatial.hyperql.value;

/**
 * Reading numbers out of text the way SQLite does: whole-text conversion for affinity (the text
 * must be a number, surrounding spaces allowed) and longest-prefix conversion for arithmetic and
 * CAST ({@code '3abc'} is 3, {@code 'abc'} is 0).
 */
public final class NumericText {
    private NumericText() {
    }

    /** The number the whole text spells (Long when integral and in range, else Double), or null. */
    public static Object parseWhole(String text) {
        String s = text.strip();
        int end = numberPrefixLength(s);
        if (end == 0 || end != s.length()) {
            return null;
        }
        return toNumber(s, isIntegerSyntax(s));
    }

    /** The number the longest numeric prefix spells; 0 when there is none. */
    public static Object parsePrefix(String text) {
        String s = text.stripLeading();
        int end = numberPrefixLength(s);
        if (end == 0) {
            return 0L;
        }
        String prefix = s.substring(0, end);
        return toNumber(prefix, isIntegerSyntax(prefix));
    }

    /**
     * CAST(text AS INTEGER), as SQLite reads it: the longest prefix that spells an integer
     * (leading spaces, a sign, digits; no fraction or exponent, so {@code '1e3'} is 1 and
     * {@code '12.5'} is 12), 0 when there is none, clamped to the 64-bit range.
     */
    public static long parseIntegerPrefix(String text) {
        String s = text.stripLeading();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long magnitude = 0;
        boolean overflow = false;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            int digit = s.charAt(i) - '0';
            if (magnitude > (Long.MAX_VALUE - digit) / 10) {
                overflow = true;
            } else {
                magnitude = magnitude * 10 + digit;
            }
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -magnitude : magnitude;
    }

    /** The prefix as a REAL, for CAST(x AS REAL). */
    public static double parsePrefixAsReal(String text) {
        Object n = parsePrefix(text);
        return n instanceof Long l ? l.doubleValue() : (Double) n;
    }

    /** A double that holds an integer value within long range becomes that Long, else stays. */
    public static Object integralOrSelf(double d) {
        if (d == Math.rint(d) && d >= -9.223372036854775808E18 && d < 9.223372036854775808E18 && !Double.isInfinite(d)) {
            long l = (long) d;
            return l;
        }
        return d;
    }

    private static Object toNumber(String s, boolean integer) {
        if (integer) {
            try {
                return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
            } catch (NumberFormatException overflow) {
                return Double.parseDouble(s);
            }
        }
        return Double.parseDouble(s);
    }

    private static boolean isIntegerSyntax(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /** Length of the longest prefix of s that is a decimal number: sign, digits, fraction, exponent. */
    private static int numberPrefixLength(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            int j = i + 1;
            int fraction = 0;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
                fraction++;
            }
            if (digits + fraction > 0) {
                i = j;
                digits += fraction;
            }
        }
        if (digits == 0) {
            return 0;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int exp = 0;
            while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                j++;
                exp++;
            }
            if (exp > 0) {
                i = j;
            }
        }
        return i;
    }
}
