package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.exec.PatternMatch;
import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Truth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SQLite's smaller built-ins: {@code like(P, S[, E])} and {@code glob(P, S)} (the LIKE and GLOB
 * operators with the pattern first), {@code zeroblob(N)}, {@code randomblob(N)}, {@code soundex(X)}
 * and the planner hints {@code likely(X)}, {@code unlikely(X)}, {@code likelihood(X, P)}, which
 * return X. Stateless; {@code randomblob} draws from {@link ThreadLocalRandom}.
 */
final class MiscFunctions {
    /** SQLite's default SQLITE_MAX_LENGTH: the largest string or blob a function may make. */
    static final long MAX_LENGTH = 1_000_000_000L;

    /** Soundex digit of each ASCII code (0: a vowel, H, W, Y or not a letter), as SQLite's table. */
    private static final byte[] SOUNDEX = new byte[128];

    static {
        String[] groups = {"BFPV", "CGJKQSXZ", "DT", "L", "MN", "R"};
        for (int g = 0; g < groups.length; g++) {
            for (char c : groups[g].toCharArray()) {
                SOUNDEX[c] = (byte) (g + 1);
                SOUNDEX[Character.toLowerCase(c)] = (byte) (g + 1);
            }
        }
    }

    private MiscFunctions() {
    }

    /** Every function of this family. */
    static List<ScalarFunction> all() {
        return List.of(
                ScalarFunctions.deterministic("like", 2, 3, MiscFunctions::like),
                ScalarFunctions.deterministic("glob", 2, 2, a -> a[0] == null || a[1] == null ? null
                        : Truth.value(PatternMatch.glob(TextForm.of(a[0]), TextForm.of(a[1])))),
                ScalarFunctions.deterministic("zeroblob", 1, 1, a -> new Blob(new byte[length(a[0], 0)])),
                ScalarFunctions.volatileFunction("randomblob", 1, 1, MiscFunctions::randomBlob),
                ScalarFunctions.deterministic("soundex", 1, 1, a -> soundex(a[0])),
                ScalarFunctions.deterministic("likely", 1, 1, a -> a[0]),
                ScalarFunctions.deterministic("unlikely", 1, 1, a -> a[0]),
                ScalarFunctions.deterministic("likelihood", 2, 2, MiscFunctions::likelihood));
    }

    private static Object like(Object[] a) {
        String escape = null;
        if (a.length > 2) {
            if (a[2] == null) {
                return null;
            }
            escape = TextForm.of(a[2]);
            if (escape.codePointCount(0, escape.length()) != 1) {
                throw new HqlExecutionException(ErrorCode.HQL_WRONG_ARGUMENTS, "ESCAPE expression must be a single character");
            }
        }
        if (a[0] == null || a[1] == null) {
            return null;
        }
        return Truth.value(PatternMatch.like(TextForm.of(a[0]), TextForm.of(a[1]), escape == null ? -1 : escape.codePointAt(0)));
    }

    /** A blob length as SQLite reads it ({@code sqlite3_value_int64}), at least {@code min}, at most MAX_LENGTH. */
    private static int length(Object v, int min) {
        long n = v == null ? 0 : Arithmetic.integerValue(v);
        if (n > MAX_LENGTH) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "string or blob too big");
        }
        return (int) Math.max(min, n);
    }

    private static Object randomBlob(Object[] a) {
        byte[] bytes = new byte[length(a[0], 1)];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new Blob(bytes);
    }

    /** SQLite's soundex over the UTF-8 bytes: {@code ?000} when the text has no ASCII letter. */
    private static Object soundex(Object v) {
        byte[] in = v == null ? new byte[0] : TextForm.of(v).getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < in.length && !isAsciiLetter(in[i])) {
            i++;
        }
        if (i == in.length) {
            return "?000";
        }
        StringBuilder out = new StringBuilder(4).append(Character.toUpperCase((char) in[i]));
        int previous = SOUNDEX[in[i] & 0x7f];
        for (; out.length() < 4 && i < in.length; i++) {
            int code = SOUNDEX[in[i] & 0x7f];
            if (code == 0) {
                previous = 0;
            } else if (code != previous) {
                previous = code;
                out.append((char) ('0' + code));
            }
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    /**
     * X. SQLite requires P to be a REAL literal between 0.0 and 1.0 when it prepares the statement;
     * here P is checked when the call runs: a REAL in that range.
     */
    private static Object likelihood(Object[] a) {
        if (!(a[1] instanceof Double p) || p < 0 || p > 1) {
            throw new HqlExecutionException(ErrorCode.HQL_WRONG_ARGUMENTS,
                    "second argument to likelihood() must be a constant between 0.0 and 1.0");
        }
        return a[0];
    }
}
