package io.hyperspatial.cli.repl;

import io.hyperspatial.hyperql.parse.HyperQLLexer;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words the REPL completes and highlights that do not come from the schema: HyperQL's
 * keywords, read from the grammar's own lexer vocabulary so they never drift from the parser,
 * the SQL type names a column can be declared with, and the dot-commands. Immutable.
 */
final class Vocabulary {
    /** Every keyword of the grammar, upper case, sorted. */
    static final Set<String> KEYWORDS = keywords();

    /** Type names for column declarations: each SQLite affinity's usual spellings, the types of API-declared properties, and vectors. */
    static final List<String> TYPES = List.of("INTEGER", "INT", "BIGINT", "REAL", "DOUBLE", "FLOAT", "NUMERIC",
            "DECIMAL", "BOOLEAN", "DATE", "TEXT", "VARCHAR", "CLOB", "BLOB", "TIMESTAMP", "VECTOR");

    /** The dot-commands with their arguments and what they do, as {@code .help} lists them. */
    static final List<String[]> DOT_COMMANDS = List.of(
            new String[]{".help", "", "this list"},
            new String[]{".tables", "", "the SQL tables of the collection"},
            new String[]{".schema", "[TABLE]", "the collection's schema, or one table's columns"},
            new String[]{".format", "table|json|csv", "how results are printed"},
            new String[]{".timing", "on|off", "print each statement's time"},
            new String[]{".quit", "", "leave (Ctrl-D does too)"});

    private Vocabulary() {
    }

    /** Whether {@code word} is a keyword, in any case. */
    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    private static Set<String> keywords() {
        Set<String> words = new TreeSet<>();
        for (int type = 1; type <= HyperQLLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = HyperQLLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[A-Z_]+'")) {
                words.add(literal.substring(1, literal.length() - 1));
            }
        }
        return Collections.unmodifiableSet(words);
    }
}
