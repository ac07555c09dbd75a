package io.hyperspatial.core.json;

/** JSON string literals, written the same way by every module that prints JSON. Stateless and thread-safe. */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** {@code s} as a quoted, escaped JSON string literal. */
    public static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    /**
     * Appends {@code s} as a JSON string literal: quotes, backslashes and control characters
     * escaped, and also DEL, U+2028/U+2029 and unpaired surrogates, so the output is valid JSON
     * and safe to embed in JavaScript.
     */
    public static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || unpairedSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
