package io.hyperspatial.hyperql.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The text form of values as SQLite writes them: integers in decimal, reals with up to 15
 * significant digits and always a decimal point or exponent ({@code 2.0}, {@code 1.0e+20}).
 */
public final class TextForm {
    private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private TextForm() {
    }

    /** The text of a value; null stays null. */
    public static String of(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Long l -> l.toString();
            case Double d -> real(d);
            case Blob b -> new String(b.bytes(), StandardCharsets.UTF_8);
            case Vector v -> v.toString();
            default -> throw new IllegalArgumentException("not a HyperQL value: " + value);
        };
    }

    /** SQLite's {@code %!.15g}. */
    public static String real(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(FIFTEEN_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String m = mantissa.toPlainString();
            if (!m.contains(".")) {
                m = m + ".0";
            }
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return m + "e" + sign + (abs < 10 ? "0" + abs : Integer.toString(abs));
        }
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
