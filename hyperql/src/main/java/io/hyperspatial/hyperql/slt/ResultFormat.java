package io.hyperspatial.hyperql.slt;

import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.NumericText;
import io.hyperspatial.hyperql.value.TextForm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Formats query results the way sqllogictest's reference driver does, sorts them and hashes them:
 * {@code I} as an integer cut to 32 bits (the driver reads it with {@code sqlite3_column_int}),
 * {@code R} with three decimals, {@code T} as text with unprintable characters as {@code @}; NULL
 * as {@code NULL}, an empty string as {@code (empty)}. Stateless.
 */
public final class ResultFormat {
    private ResultFormat() {
    }

    /** One value under its column's type letter. */
    public static String format(Object v, char type) {
        if (v == null) {
            return "NULL";
        }
        return switch (type) {
            // The reference reads I columns with sqlite3_column_int: the 64-bit value's low 32 bits.
            case 'I' -> Integer.toString((int) asInteger(v));
            case 'R' -> real(asReal(v));
            default -> text(TextForm.of(v));
        };
    }

    /** The values of the rows, formatted, in the order the sort mode asks for. */
    public static List<String> values(List<List<Object>> rows, String types, SltRecord.SortMode sort) {
        List<List<String>> formatted = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> out = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                out.add(format(row.get(i), i < types.length() ? types.charAt(i) : 'T'));
            }
            formatted.add(out);
        }
        if (sort == SltRecord.SortMode.ROWSORT) {
            formatted.sort((a, b) -> {
                for (int i = 0; i < a.size(); i++) {
                    int c = a.get(i).compareTo(b.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
        }
        List<String> values = new ArrayList<>();
        formatted.forEach(values::addAll);
        if (sort == SltRecord.SortMode.VALUESORT) {
            values.sort(String::compareTo);
        }
        return values;
    }

    /** The md5 of the values, each followed by a newline, in lower-case hex. */
    public static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    private static long asInteger(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return Arithmetic.integer(d);
        }
        Object n = NumericText.parsePrefix(TextForm.of(v));
        return Arithmetic.integer(n);
    }

    private static double asReal(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return Arithmetic.real(v);
        }
        return NumericText.parsePrefixAsReal(TextForm.of(v));
    }

    private static String real(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(d).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    private static String text(String s) {
        if (s.isEmpty()) {
            return "(empty)";
        }
        // The reference driver works on UTF-8 bytes: every byte outside printable ASCII becomes one '@'.
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            sb.append(b < ' ' || b > '~' ? '@' : (char) b);
        }
        return sb.toString();
    }
}
