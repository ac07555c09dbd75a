package io.hyperspatial.hyperql.parse;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * Identifiers as SQL text writes them: quoted or not, and renamed inside a stored expression (what
 * {@code ALTER TABLE ... RENAME COLUMN} does to a CHECK constraint). Stateless.
 */
public final class Identifiers {
    private Identifiers() {
    }

    /** The name an identifier token stands for: {@code "a""b"} is {@code a"b}, {@code [x y]} is {@code x y}. */
    public static String unquote(String token) {
        if (token.isEmpty() || "\"`[".indexOf(token.charAt(0)) < 0) {
            return token;
        }
        String inner = token.substring(1, token.length() - 1);
        return switch (token.charAt(0)) {
            case '"' -> inner.replace("\"\"", "\"");
            case '`' -> inner.replace("``", "`");
            default -> inner;
        };
    }

    /** The name as SQL text: as it is when it lexes as one plain identifier, else in double quotes. */
    public static String quoted(String name) {
        List<? extends Token> tokens = tokens(name);
        boolean plain = tokens.size() == 1 && tokens.getFirst().getType() == HyperQLLexer.IDENTIFIER
                && tokens.getFirst().getText().equals(name);
        return plain ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * The expression text with every reference to the column {@code from} (an identifier, quoted or
     * not, equal to it but for case, and not a function name) written as {@code to}; the rest of
     * the text, spacing and comments included, unchanged. Meant for expressions over one table's
     * columns, where every such identifier names the column.
     */
    public static String renameColumn(String expression, String from, String to) {
        List<? extends Token> tokens = tokens(expression);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL || !isName(t)
                    || !unquote(t.getText()).equalsIgnoreCase(from) || nextIsOpenParen(tokens, i)) {
                continue;
            }
            out.append(expression, copied, t.getStartIndex()).append(quoted(to));
            copied = t.getStopIndex() + 1;
        }
        return out.append(expression.substring(copied)).toString();
    }

    /** Whether the expression text names any of {@code names} (lower case) as a function or keyword. */
    public static boolean mentions(String expression, java.util.Set<String> names) {
        for (Token t : tokens(expression)) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && isName(t)
                    && names.contains(unquote(t.getText()).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(Token t) {
        return t.getType() == HyperQLLexer.IDENTIFIER || t.getType() == HyperQLLexer.QUOTED_IDENTIFIER
                || Character.isLetter(t.getText().charAt(0)) && t.getType() != HyperQLLexer.STRING_LITERAL
                && t.getType() != HyperQLLexer.BLOB_LITERAL;
    }

    private static boolean nextIsOpenParen(List<? extends Token> tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            if (tokens.get(k).getChannel() == Token.DEFAULT_CHANNEL) {
                return "(".equals(tokens.get(k).getText());
            }
        }
        return false;
    }

    private static List<? extends Token> tokens(String text) {
        HyperQLLexer lexer = new HyperQLLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer.getAllTokens();
    }
}
