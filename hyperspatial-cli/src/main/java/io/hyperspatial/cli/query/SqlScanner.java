package io.hyperspatial.cli.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HyperQL text into {@link SqlToken}s with the grammar's lexical rules (strings with
 * doubled quotes, {@code x'…'} blobs, names quoted with {@code "…"}, {@code `…`} or {@code […]},
 * {@code --} and {@code /* *\/} comments, numbers, {@code $name :name @name ?} parameters), but
 * unlike the parser's lexer it accepts text cut off anywhere: an unterminated string or comment
 * is one token marked not {@link SqlToken#closed()}. That is what the REPL needs to tell whether
 * a statement is complete and to highlight a line while it is typed. Stateless.
 */
public final class SqlScanner {
    private SqlScanner() {
    }

    /** The tokens of {@code text}, covering it entirely, in order. */
    public static List<SqlToken> scan(CharSequence text) {
        List<SqlToken> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            SqlToken t;
            if (Character.isWhitespace(c)) {
                int j = i;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                t = new SqlToken(SqlToken.Kind.SPACE, i, j, true);
            } else if (c == '-' && next == '-') {
                int j = i;
                while (j < n && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
                    j++;
                }
                t = new SqlToken(SqlToken.Kind.COMMENT, i, j, true);
            } else if (c == '/' && next == '*') {
                int close = indexOf(text, "*/", i + 2);
                t = new SqlToken(SqlToken.Kind.COMMENT, i, close < 0 ? n : close + 2, close >= 0);
            } else if (c == '\'') {
                t = quoted(text, i, i, '\'', SqlToken.Kind.STRING);
            } else if ((c == 'x' || c == 'X') && next == '\'') {
                t = quoted(text, i, i + 1, '\'', SqlToken.Kind.STRING);
            } else if (c == '"' || c == '`') {
                t = quoted(text, i, i, c, SqlToken.Kind.QUOTED_NAME);
            } else if (c == '[') {
                int close = indexOf(text, "]", i + 1);
                t = new SqlToken(SqlToken.Kind.QUOTED_NAME, i, close < 0 ? n : close + 1, close >= 0);
            } else if (isDigit(c) || (c == '.' && isDigit(next))) {
                t = new SqlToken(SqlToken.Kind.NUMBER, i, number(text, i), true);
            } else if (c == '?' || ((c == '$' || c == ':' || c == '@') && isNameStart(next))) {
                int j = i + 1;
                while (j < n && isNamePart(text.charAt(j)) && text.charAt(j) != '$') {
                    j++;
                }
                t = new SqlToken(SqlToken.Kind.PARAMETER, i, j, true);
            } else if (isNameStart(c)) {
                int j = i + 1;
                while (j < n && isNamePart(text.charAt(j))) {
                    j++;
                }
                t = new SqlToken(SqlToken.Kind.WORD, i, j, true);
            } else if (c == ';') {
                t = new SqlToken(SqlToken.Kind.SEMICOLON, i, i + 1, true);
            } else {
                t = new SqlToken(SqlToken.Kind.OTHER, i, i + 1, true);
            }
            tokens.add(t);
            i = t.end();
        }
        return tokens;
    }

    /** A string or quoted name opened at {@code quote}; a doubled quote character stands for itself. */
    private static SqlToken quoted(CharSequence text, int start, int quote, char q, SqlToken.Kind kind) {
        int j = quote + 1;
        while (j < text.length()) {
            if (text.charAt(j) == q) {
                if (j + 1 < text.length() && text.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return new SqlToken(kind, start, j + 1, true);
            }
            j++;
        }
        return new SqlToken(kind, start, text.length(), false);
    }

    private static int number(CharSequence text, int i) {
        int n = text.length();
        int j = i;
        if (text.charAt(j) == '0' && j + 1 < n && (text.charAt(j + 1) == 'x' || text.charAt(j + 1) == 'X')) {
            j += 2;
            while (j < n && Character.digit(text.charAt(j), 16) >= 0) {
                j++;
            }
            return j;
        }
        while (j < n && isDigit(text.charAt(j))) {
            j++;
        }
        if (j < n && text.charAt(j) == '.') {
            j++;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < n && isDigit(text.charAt(k))) {
                j = k;
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
            }
        }
        return j;
    }

    private static int indexOf(CharSequence text, String what, int from) {
        return text.toString().indexOf(what, from);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c) || c == '$';
    }
}
