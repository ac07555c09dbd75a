package io.hyperspatial.hyperql.parse;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses HyperQL text into AST statements. Tries ANTLR's fast SLL mode first and falls back to
 * full LL only when SLL fails, which is also when the precise syntax error is produced.
 * Stateless and thread-safe.
 */
public final class SqlParser {
    private static final int MAX_EXPECTED_SHOWN = 12;

    private SqlParser() {
    }

    /** Parses a script of zero or more statements separated by semicolons. */
    public static List<Statement> parseScript(String text) {
        HyperQLParser.ScriptContext tree;
        HyperQLParser fast = parser(text);
        fast.setErrorHandler(new BailErrorStrategy());
        fast.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            tree = fast.script();
        } catch (ParseCancellationException sllFailed) {
            HyperQLParser full = parser(text);
            full.setErrorHandler(new DefaultErrorStrategy());
            tree = full.script();
        }
        return new AstBuilder(text).script(tree);
    }

    /** Parses exactly one statement (a trailing semicolon is allowed). */
    public static Statement parseStatement(String text) {
        List<Statement> statements = parseScript(text);
        if (statements.size() != 1) {
            throw new HqlSyntaxException("expected exactly one statement, found " + statements.size(),
                    new SourcePosition(1, 1));
        }
        return statements.get(0);
    }

    private static HyperQLParser parser(String text) {
        HyperQLLexer lexer = new HyperQLLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(ThrowingListener.INSTANCE);
        HyperQLParser parser = new HyperQLParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(ThrowingListener.INSTANCE);
        return parser;
    }

    /** Turns the first syntax error into an {@link HqlSyntaxException} naming the token and what was expected. */
    private static final class ThrowingListener extends BaseErrorListener {
        static final ThrowingListener INSTANCE = new ThrowingListener();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            SourcePosition at = new SourcePosition(line, charPositionInLine + 1);
            if (!(recognizer instanceof Parser parser) || !(offendingSymbol instanceof Token token)) {
                throw new HqlSyntaxException("syntax error: " + msg, at);
            }
            String near = token.getType() == Token.EOF ? "end of input" : "'" + token.getText() + "'";
            IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            throw new HqlSyntaxException("syntax error near " + near + ": expected " + describe(expected, parser), at);
        }

        private static String describe(IntervalSet expected, Parser parser) {
            List<String> names = new ArrayList<>();
            for (int type : expected.toArray()) {
                String name = type == Token.EOF ? "end of input" : parser.getVocabulary().getDisplayName(type);
                if (name.startsWith("'") && name.length() > 2 && Character.isLetter(name.charAt(1))) {
                    name = name.substring(1, name.length() - 1);
                }
                names.add(name.replace("_LITERAL", "").replace("IDENTIFIER", "a name").replace("QUOTED_a name", "a quoted name"));
            }
            if (names.isEmpty()) {
                return "something else";
            }
            if (names.size() > MAX_EXPECTED_SHOWN) {
                return String.join(", ", names.subList(0, MAX_EXPECTED_SHOWN)) + ", ... (" + names.size() + " choices)";
            }
            return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
        }
    }
}
