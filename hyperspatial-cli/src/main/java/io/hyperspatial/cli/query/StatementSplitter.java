package io.hyperspatial.cli.query;

import io.hyperspatial.hyperql.error.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a script into statements at the semicolons that are outside strings, quoted names and
 * comments, remembering where each begins so that an error's position can be given in the
 * script ({@link StatementFailure#within}). Stateless.
 */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /**
     * One statement of a script, without its semicolon.
     *
     * @param text  the statement's text, from its first character that is not blank
     * @param start where that character is in the script
     */
    public record Statement(String text, SourcePosition start) {
    }

    /** The statements of {@code script} in order; stretches holding only blanks and comments are none. */
    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        int begin = -1;
        int end = -1;
        for (SqlToken t : SqlScanner.scan(script)) {
            if (t.kind() == SqlToken.Kind.SEMICOLON) {
                if (begin >= 0) {
                    statements.add(statement(script, begin, end));
                }
                begin = -1;
            } else if (!t.blank()) {
                if (begin < 0) {
                    begin = t.start();
                }
                end = t.end();
            }
        }
        if (begin >= 0) {
            statements.add(statement(script, begin, end));
        }
        return statements;
    }

    /**
     * Whether {@code text} ends a statement: its last token that is not blank is a semicolon and no
     * comment is left open after it. Text with no statement in it at all counts as complete.
     */
    public static boolean complete(String text) {
        List<SqlToken> tokens = SqlScanner.scan(text);
        if (!tokens.isEmpty() && !tokens.getLast().closed()) {
            return false;
        }
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (!tokens.get(i).blank()) {
                return tokens.get(i).kind() == SqlToken.Kind.SEMICOLON;
            }
        }
        return true;
    }

    private static Statement statement(String script, int begin, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < begin; i++) {
            if (script.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Statement(script.substring(begin, end), new SourcePosition(line, begin - lineStart + 1));
    }
}
