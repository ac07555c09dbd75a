package io.hyperspatial.hyperql.exec;

/**
 * LIKE (case-insensitive for ASCII letters, {@code %} and {@code _}, optional escape) and GLOB
 * (case-sensitive, {@code *}, {@code ?}, {@code [...]}) matching, as SQLite does them. One
 * backtracking loop serves both: each wildcard remembers one backtrack point, so matching is
 * linear in practice.
 */
public final class PatternMatch {
    private PatternMatch() {
    }

    /** How one pattern language reads its pattern. */
    private interface Syntax {
        /** True when the pattern element at {@code i} matches any run of characters. */
        boolean isStar(int[] p, int i);

        /** How many pattern code points the element at {@code i} spans if it matches {@code c}, else -1. */
        int step(int[] p, int i, int c);
    }

    /** Whether {@code text} matches the LIKE {@code pattern}; {@code escape} is a code point or -1 for none. */
    public static boolean like(String pattern, String text, int escape) {
        return match(pattern, text, new Syntax() {
            @Override
            public boolean isStar(int[] p, int i) {
                return p[i] == '%';
            }

            @Override
            public int step(int[] p, int i, int c) {
                if (p[i] == escape && i + 1 < p.length) {
                    return fold(p[i + 1]) == fold(c) ? 2 : -1;
                }
                return p[i] == '_' || fold(p[i]) == fold(c) ? 1 : -1;
            }
        });
    }

    /** Whether {@code text} matches the GLOB {@code pattern}. */
    public static boolean glob(String pattern, String text) {
        return match(pattern, text, new Syntax() {
            @Override
            public boolean isStar(int[] p, int i) {
                return p[i] == '*';
            }

            @Override
            public int step(int[] p, int i, int c) {
                if (p[i] == '[') {
                    int end = classEnd(p, i);
                    return end > 0 && inClass(p, i + 1, end, c) ? end + 1 - i : -1;
                }
                return p[i] == '?' || p[i] == c ? 1 : -1;
            }
        });
    }

    private static boolean match(String pattern, String text, Syntax syntax) {
        int[] p = pattern.codePoints().toArray();
        int[] s = text.codePoints().toArray();
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = -1;
        while (si < s.length) {
            if (pi < p.length && syntax.isStar(p, pi)) {
                starP = pi++;
                starS = si;
                continue;
            }
            int step = pi < p.length ? syntax.step(p, pi, s[si]) : -1;
            if (step > 0) {
                pi += step;
                si++;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.length && syntax.isStar(p, pi)) {
            pi++;
        }
        return pi == p.length;
    }

    private static int classEnd(int[] p, int open) {
        int i = open + 1;
        if (i < p.length && p[i] == '^') {
            i++;
        }
        if (i < p.length && p[i] == ']') {
            i++;
        }
        while (i < p.length && p[i] != ']') {
            i++;
        }
        return i < p.length ? i : -1;
    }

    private static boolean inClass(int[] p, int from, int end, int c) {
        boolean negate = p[from] == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            if (i + 2 < end && p[i + 1] == '-') {
                found |= c >= p[i] && c <= p[i + 2];
                i += 3;
            } else {
                found |= c == p[i];
                i++;
            }
        }
        return found != negate;
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
