package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.GraphPattern;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inside of an edge's bracket: {@code [variable][:type[|type…]][*[min][..[max]]]}, spaces
 * allowed between the parts; {@code :a|b} is an edge of either type. A missing {@code *} is one edge; {@code *} alone or without a maximum leaves the
 * maximum open ({@code -1}: the analyzer applies its cap), a missing minimum is 1, {@code *n} is
 * exactly n edges. Errors carry the line and column of the offending character. Stateless.
 */
final class EdgeBracket {
    private final String text;
    private final Token token;
    private int at = 1;

    private EdgeBracket(Token token) {
        this.text = token.getText();
        this.token = token;
    }

    static GraphPattern.Edge read(Token token, GraphPattern.Direction direction) {
        if (token.getText().charAt(0) != '[') {
            throw new HqlSyntaxException("syntax error near " + token.getText() + ": expected an edge in brackets like [:knows]",
                    AstBuilder.position(token));
        }
        return new EdgeBracket(token).edge(direction);
    }

    private GraphPattern.Edge edge(GraphPattern.Direction direction) {
        skipSpaces();
        String variable = name();
        skipSpaces();
        List<String> types = new ArrayList<>();
        if (peek() == ':') {
            do {
                at++;
                skipSpaces();
                String type = name();
                if (type == null) {
                    throw expected(types.isEmpty() ? "an edge type name after ':'" : "an edge type name after '|'");
                }
                types.add(type);
                skipSpaces();
            } while (peek() == '|');
        }
        int min = 1;
        int max = 1;
        boolean variableLength = false;
        if (peek() == '*') {
            at++;
            variableLength = true;
            skipSpaces();
            Integer low = number();
            skipSpaces();
            if (text.startsWith("..", at)) {
                at += 2;
                skipSpaces();
                Integer high = number();
                min = low == null ? 1 : low;
                max = high == null ? -1 : high;
            } else {
                min = low == null ? 1 : low;
                max = low == null ? -1 : low;
            }
            if (max >= 0 && max < min) {
                throw new HqlSyntaxException("edge length range *" + min + ".." + max + " is empty: the maximum is below the minimum",
                        position(1));
            }
            skipSpaces();
        }
        if (at != text.length() - 1) {
            throw expected(variableLength ? "a number, '..' or ']'" : types.isEmpty() ? "':', '*' or ']'" : "'|', '*' or ']'");
        }
        return new GraphPattern.Edge(variable, types, direction, min, max, variableLength, position(0));
    }

    private String name() {
        int start = at;
        while (at < text.length() - 1 && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || (at > start && text.charAt(at) == '$'))) {
            if (at == start && Character.isDigit(text.charAt(at))) {
                break;
            }
            at++;
        }
        return at == start ? null : text.substring(start, at);
    }

    private Integer number() {
        int start = at;
        while (at < text.length() - 1 && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            return null;
        }
        try {
            return Integer.parseInt(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw new HqlSyntaxException("edge length " + text.substring(start, at) + " is too large", position(start));
        }
    }

    private char peek() {
        return at < text.length() - 1 ? text.charAt(at) : ']';
    }

    private void skipSpaces() {
        while (at < text.length() - 1 && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private HqlSyntaxException expected(String what) {
        String near = at >= text.length() - 1 ? "']'" : "'" + text.charAt(at) + "'";
        return new HqlSyntaxException("syntax error in edge pattern " + text + " near " + near + ": expected " + what,
                position(at));
    }

    /** The line and column of a character of the bracket. */
    private SourcePosition position(int offset) {
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new SourcePosition(line, column);
    }
}
