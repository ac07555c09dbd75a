package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.NumericText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * SQLite's math functions as its 3.40 builds them with {@code SQLITE_ENABLE_MATH_FUNCTIONS}: an
 * argument counts only if it is a number or text that wholly spells one ({@code '2'} yes,
 * {@code '2abc'} and blobs no: NULL). Results are REAL, except that {@code ceil}, {@code floor} and
 * {@code trunc} keep an INTEGER argument an INTEGER. A domain error (a NaN result, as for
 * {@code sqrt(-1)} or {@code acos(2)}) is NULL, as are {@code ln}, {@code log} of a number
 * {@code <= 0} and a logarithm to a base {@code <= 1}. Stateless.
 */
final class MathFunctions {
    private MathFunctions() {
    }

    /** Every math function. */
    static List<ScalarFunction> all() {
        List<ScalarFunction> all = new ArrayList<>();
        unary(all, "acos", StrictMath::acos);
        unary(all, "acosh", MathFunctions::acosh);
        unary(all, "asin", StrictMath::asin);
        unary(all, "asinh", MathFunctions::asinh);
        unary(all, "atan", StrictMath::atan);
        unary(all, "atanh", MathFunctions::atanh);
        unary(all, "cos", StrictMath::cos);
        unary(all, "cosh", StrictMath::cosh);
        unary(all, "degrees", Math::toDegrees);
        unary(all, "exp", StrictMath::exp);
        unary(all, "radians", Math::toRadians);
        unary(all, "sin", StrictMath::sin);
        unary(all, "sinh", StrictMath::sinh);
        unary(all, "sqrt", StrictMath::sqrt);
        unary(all, "tan", StrictMath::tan);
        unary(all, "tanh", StrictMath::tanh);
        binary(all, "atan2", StrictMath::atan2);
        binary(all, "mod", (x, y) -> x % y);
        binary(all, "pow", StrictMath::pow);
        binary(all, "power", StrictMath::pow);
        rounding(all, "ceil", Math::ceil);
        rounding(all, "ceiling", Math::ceil);
        rounding(all, "floor", Math::floor);
        rounding(all, "trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        all.add(ScalarFunctions.deterministic("ln", 1, 1, a -> logarithm(a[0], StrictMath::log)));
        all.add(ScalarFunctions.deterministic("log10", 1, 1, a -> logarithm(a[0], StrictMath::log10)));
        all.add(ScalarFunctions.deterministic("log2", 1, 1, a -> logarithm(a[0], MathFunctions::log2)));
        all.add(ScalarFunctions.deterministic("log", 1, 2, MathFunctions::log));
        all.add(ScalarFunctions.deterministic("pi", 0, 0, a -> Math.PI));
        return all;
    }

    /**
     * The value as SQLite's {@code sqlite3_value_numeric_type} sees it: a Long or Double for a number
     * or for text that wholly spells one, else null.
     */
    static Object numeric(Object v) {
        return switch (v) {
            case Long l -> l;
            case Double d -> d;
            case String s -> NumericText.parseWhole(s);
            case null, default -> null;
        };
    }

    /** A REAL result; NaN (a domain error) is NULL, as SQLite stores it. */
    private static Object real(double d) {
        return Double.isNaN(d) ? null : (Object) d;
    }

    private static void unary(List<ScalarFunction> all, String name, DoubleUnaryOperator f) {
        all.add(ScalarFunctions.deterministic(name, 1, 1, a -> {
            Object x = numeric(a[0]);
            return x == null ? null : real(f.applyAsDouble(Arithmetic.real(x)));
        }));
    }

    private static void binary(List<ScalarFunction> all, String name, DoubleBinaryOperator f) {
        all.add(ScalarFunctions.deterministic(name, 2, 2, a -> {
            Object x = numeric(a[0]);
            Object y = numeric(a[1]);
            return x == null || y == null ? null : real(f.applyAsDouble(Arithmetic.real(x), Arithmetic.real(y)));
        }));
    }

    private static void rounding(List<ScalarFunction> all, String name, DoubleUnaryOperator f) {
        all.add(ScalarFunctions.deterministic(name, 1, 1, a -> switch (numeric(a[0])) {
            case Long l -> l;
            case Double d -> real(f.applyAsDouble(d));
            case null, default -> null;
        }));
    }

    private static Object logarithm(Object v, DoubleUnaryOperator f) {
        Object x = numeric(v);
        if (x == null || Arithmetic.real(x) <= 0) {
            return null;
        }
        return real(f.applyAsDouble(Arithmetic.real(x)));
    }

    /**
     * {@code log(X)} is the base-10 logarithm; {@code log(B, X)} the base-B one. As in SQLite 3.40,
     * only B must be a number; X is read as {@code sqlite3_value_double} reads it (text by its numeric
     * prefix, NULL as 0, which has no logarithm).
     */
    private static Object log(Object[] a) {
        if (a.length == 1) {
            return logarithm(a[0], StrictMath::log10);
        }
        Object base = numeric(a[0]);
        if (base == null || Arithmetic.real(base) <= 0) {
            return null;
        }
        double b = StrictMath.log(Arithmetic.real(base));
        if (b <= 0) {
            return null;
        }
        double x = a[1] == null ? 0 : Arithmetic.real(Arithmetic.toNumeric(a[1]));
        return x <= 0 ? null : real(StrictMath.log(x) / b);
    }

    /** Exact for powers of two, as C's log2 is. */
    private static double log2(double x) {
        if (x > 0 && !Double.isInfinite(x) && x == Math.scalb(1.0, Math.getExponent(x))) {
            return Math.getExponent(x);
        }
        return StrictMath.log(x) / StrictMath.log(2);
    }

    private static double acosh(double x) {
        if (x > 1e8) {
            return StrictMath.log(x) + StrictMath.log(2);
        }
        return x < 1 ? Double.NaN : StrictMath.log(x + StrictMath.sqrt(x * x - 1));
    }

    private static double asinh(double x) {
        double ax = Math.abs(x);
        double r = ax > 1e8 ? StrictMath.log(ax) + StrictMath.log(2) : StrictMath.log1p(ax + ax * ax / (1 + StrictMath.sqrt(1 + ax * ax)));
        return Math.copySign(r, x);
    }

    private static double atanh(double x) {
        if (Math.abs(x) > 1) {
            return Double.NaN;
        }
        return 0.5 * StrictMath.log1p(2 * x / (1 - x));
    }
}
