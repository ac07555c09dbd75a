package io.hyperspatial.hyperql.exec;

/**
 * LIKE (case-insensitive for ASCII letters, {@code %} and {@code _}, optional escape) and GLOB
 * (case-sensitive, {@code *}, {@code ?}, {@code [...]}) matching, as SQLite does them. Linear in
 * practice: each wildcard remembers one backtrack point.
 */
final class PatternMatch {
    private PatternMatch() {
    }

    static boolean like(String pattern, String text, int escape) {
        int[] p = pattern.codePoints().toArray();
        int[] s = text.codePoints().toArray();
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = -1;
        while (si < s.length) {
            if (pi < p.length && p[pi] == escape && pi + 1 < p.length) {
                if (fold(p[pi + 1]) == fold(s[si])) {
                    pi += 2;
                    si++;
                    continue;
                }
            } else if (pi < p.length && p[pi] == '%') {
                starP = pi++;
                starS = si;
                continue;
            } else if (pi < p.length && (p[pi] == '_' || fold(p[pi]) == fold(s[si]))) {
                pi++;
                si++;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.length && p[pi] == '%') {
            pi++;
        }
        return pi == p.length;
    }

    static boolean glob(String pattern, String text) {
        int[] p = pattern.codePoints().toArray();
        int[] s = text.codePoints().toArray();
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = -1;
        while (si < s.length) {
            if (pi < p.length && p[pi] == '*') {
                starP = pi++;
                starS = si;
                continue;
            }
            if (pi < p.length && p[pi] == '[') {
                int end = classEnd(p, pi);
                if (end > 0 && inClass(p, pi + 1, end, s[si])) {
                    pi = end + 1;
                    si++;
                    continue;
                }
            } else if (pi < p.length && (p[pi] == '?' || p[pi] == s[si])) {
                pi++;
                si++;
                continue;
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.length && p[pi] == '*') {
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
