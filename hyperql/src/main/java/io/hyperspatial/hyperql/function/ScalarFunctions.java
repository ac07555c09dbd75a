package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.SqlType;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The built-in scalar functions, SQLite's semantics: NULL in gives NULL out unless the function is
 * about NULLs ({@code coalesce}, {@code ifnull}, {@code nullif}, {@code typeof}, {@code quote}).
 * Text functions count characters (code points), blobs count bytes. Thread-safe (stateless).
 */
public final class ScalarFunctions {
    private static final int ANY = Integer.MAX_VALUE;
    private static final Map<String, ScalarFunction> FUNCTIONS = new HashMap<>();

    static {
        define("abs", 1, 1, a -> abs(a[0]));
        define("coalesce", 2, ANY, ScalarFunctions::firstNonNull);
        define("ifnull", 2, 2, ScalarFunctions::firstNonNull);
        define("nullif", 2, 2, a -> a[0] != null && a[1] != null && ValueOrder.equal(a[0], a[1]) ? null : a[0]);
        define("iif", 3, 3, a -> io.hyperspatial.hyperql.value.Truth.isTrue(a[0]) ? a[1] : a[2]);
        define("typeof", 1, 1, a -> SqlType.of(a[0]).typeofName());
        define("length", 1, 1, a -> length(a[0]));
        define("lower", 1, 1, a -> a[0] == null ? null : TextForm.of(a[0]).toLowerCase(Locale.ROOT));
        define("upper", 1, 1, a -> a[0] == null ? null : TextForm.of(a[0]).toUpperCase(Locale.ROOT));
        define("substr", 2, 3, ScalarFunctions::substr);
        define("substring", 2, 3, ScalarFunctions::substr);
        define("round", 1, 2, ScalarFunctions::round);
        define("trim", 1, 2, a -> trim(a, true, true));
        define("ltrim", 1, 2, a -> trim(a, true, false));
        define("rtrim", 1, 2, a -> trim(a, false, true));
        define("replace", 3, 3, ScalarFunctions::replace);
        define("instr", 2, 2, ScalarFunctions::instr);
        define("hex", 1, 1, a -> a[0] == null ? "" : HexFormat.of().withUpperCase().formatHex(bytes(a[0])));
        define("quote", 1, 1, a -> quote(a[0]));
        define("sign", 1, 1, ScalarFunctions::sign);
        define("max", 2, ANY, a -> extreme(a, 1));
        define("min", 2, ANY, a -> extreme(a, -1));
        define("unicode", 1, 1, a -> a[0] == null || TextForm.of(a[0]).isEmpty() ? null : (long) TextForm.of(a[0]).codePointAt(0));
        define("char", 0, ANY, ScalarFunctions::chars);
        FUNCTIONS.put("random", volatileFunction("random", 0, 0, a -> ThreadLocalRandom.current().nextLong()));
        for (ScalarFunction f : MathFunctions.all()) {
            FUNCTIONS.put(f.name(), f);
        }
        for (ScalarFunction f : MiscFunctions.all()) {
            FUNCTIONS.put(f.name(), f);
        }
        for (ScalarFunction f : SqlPrintf.functions()) {
            FUNCTIONS.put(f.name(), f);
        }
        for (ScalarFunction f : DateTimeFunctions.all()) {
            FUNCTIONS.put(f.name(), f);
        }
    }

    /** A function of its argument values alone. */
    @FunctionalInterface
    interface Pure {
        Object apply(Object[] arguments);
    }

    private ScalarFunctions() {
    }

    /** The function of that (lower-case) name, if any. */
    public static Optional<ScalarFunction> named(String name) {
        return Optional.ofNullable(FUNCTIONS.get(name));
    }

    private static void define(String name, int min, int max, Pure f) {
        FUNCTIONS.put(name, deterministic(name, min, max, f));
    }

    /** A function whose value depends on its arguments only, so constant folding may compute it. */
    static ScalarFunction deterministic(String name, int min, int max, Pure f) {
        return new ScalarFunction(name, min, max, true, (a, clock) -> f.apply(a));
    }

    /** A function that may answer differently each call ({@code random()}), never folded. */
    static ScalarFunction volatileFunction(String name, int min, int max, Pure f) {
        return new ScalarFunction(name, min, max, false, (a, clock) -> f.apply(a));
    }

    private static Object firstNonNull(Object[] a) {
        for (Object v : a) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Object abs(Object v) {
        return switch (v) {
            case null -> null;
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "integer overflow in abs()");
                }
                yield Math.abs(l);
            }
            case Double d -> Math.abs(d);
            default -> Math.abs(Arithmetic.real(Arithmetic.toNumeric(v)));
        };
    }

    private static Object length(Object v) {
        return switch (v) {
            case null -> null;
            case Blob b -> (long) b.bytes().length;
            default -> {
                String s = TextForm.of(v);
                yield (long) s.codePointCount(0, s.length());
            }
        };
    }

    private static Object substr(Object[] a) {
        if (a[0] == null || a[1] == null || (a.length > 2 && a[2] == null)) {
            return null;
        }
        long p1 = Arithmetic.integer(Arithmetic.toNumeric(a[1]));
        long p2 = a.length > 2 ? Arithmetic.integer(Arithmetic.toNumeric(a[2])) : 1_000_000_000L;
        if (a[0] instanceof Blob blob) {
            long[] span = span(blob.bytes().length, p1, p2);
            byte[] out = new byte[(int) span[1]];
            System.arraycopy(blob.bytes(), (int) span[0], out, 0, out.length);
            return new Blob(out);
        }
        String s = TextForm.of(a[0]);
        int[] cps = s.codePoints().toArray();
        long[] span = span(cps.length, p1, p2);
        return new String(cps, (int) span[0], (int) span[1]);
    }

    /** SQLite's substr arithmetic: start offset and length within a string of {@code len} units. */
    private static long[] span(long len, long start, long count) {
        long p1 = start;
        long p2 = count;
        boolean negativeCount = p2 < 0;
        if (negativeCount) {
            p2 = -p2;
        }
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 += p1;
                if (p2 < 0) {
                    p2 = 0;
                }
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (negativeCount) {
            p1 -= p2;
            if (p1 < 0) {
                p2 += p1;
                p1 = 0;
            }
        }
        if (p1 > len) {
            p1 = len;
        }
        if (p1 + p2 > len) {
            p2 = Math.max(0, len - p1);
        }
        return new long[] {p1, p2};
    }

    private static Object round(Object[] a) {
        if (a[0] == null || (a.length > 1 && a[1] == null)) {
            return null;
        }
        double x = Arithmetic.real(Arithmetic.toNumeric(a[0]));
        long digits = a.length > 1 ? Math.max(0, Math.min(30, Arithmetic.integer(Arithmetic.toNumeric(a[1])))) : 0;
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double r = BigDecimal.valueOf(x).setScale((int) digits, RoundingMode.HALF_UP).doubleValue();
        return r + 0.0;
    }

    private static Object trim(Object[] a, boolean left, boolean right) {
        if (a[0] == null || (a.length > 1 && a[1] == null)) {
            return null;
        }
        String s = TextForm.of(a[0]);
        String chars = a.length > 1 ? TextForm.of(a[1]) : " ";
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static Object replace(Object[] a) {
        if (a[0] == null || a[1] == null || a[2] == null) {
            return null;
        }
        String pattern = TextForm.of(a[1]);
        String s = TextForm.of(a[0]);
        return pattern.isEmpty() ? s : s.replace(pattern, TextForm.of(a[2]));
    }

    private static Object instr(Object[] a) {
        if (a[0] == null || a[1] == null) {
            return null;
        }
        String s = TextForm.of(a[0]);
        int at = s.indexOf(TextForm.of(a[1]));
        return at < 0 ? 0L : (long) s.codePointCount(0, at) + 1;
    }

    private static Object quote(Object v) {
        return switch (v) {
            case null -> "NULL";
            case Long l -> l.toString();
            case Double d -> TextForm.real(d);
            case Blob b -> "X'" + HexFormat.of().withUpperCase().formatHex(b.bytes()) + "'";
            default -> "'" + TextForm.of(v).replace("'", "''") + "'";
        };
    }

    private static Object sign(Object[] a) {
        Object n = a[0] instanceof String s ? io.hyperspatial.hyperql.value.NumericText.parseWhole(s) : a[0];
        return switch (n) {
            case Long l -> (long) Long.signum(l);
            case Double d -> (long) Math.signum(d);
            case null, default -> null;
        };
    }

    /**
     * Scalar max (direction 1) or min (-1): NULL if any argument is NULL. Among equal values max keeps
     * the first and min the last, as SQLite does ({@code min(5, 5.0)} is 5.0).
     */
    private static Object extreme(Object[] a, int direction) {
        Object best = a[0];
        for (Object v : a) {
            if (v == null) {
                return null;
            }
            int c = ValueOrder.compare(best, v);
            if (direction > 0 ? c < 0 : c >= 0) {
                best = v;
            }
        }
        return best;
    }

    private static Object chars(Object[] a) {
        StringBuilder sb = new StringBuilder();
        for (Object v : a) {
            if (v != null) {
                sb.appendCodePoint((int) Arithmetic.integer(Arithmetic.toNumeric(v)));
            }
        }
        return sb.toString();
    }

    private static byte[] bytes(Object v) {
        return v instanceof Blob b ? b.bytes() : TextForm.of(v).getBytes(StandardCharsets.UTF_8);
    }
}
