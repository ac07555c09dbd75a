package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.query.SqlScanner;
import io.hyperspatial.cli.query.SqlToken;
import io.hyperspatial.cli.query.StatementSplitter;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * How the line editor reads HyperQL. On Enter, a buffer that does not end a statement with
 * {@code ;} (outside strings and comments) is not accepted: JLine then continues it on a new
 * line, so statements span lines. Dot-commands and empty lines are accepted as they are. For
 * completion, the word under the cursor is the name (with any {@code table.} qualifier) that
 * ends there, and the words before it are the statement's tokens (a dot-command's words). Stateless.
 */
final class HyperQLParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !ReplSession.isDotCommand(line) && !StatementSplitter.complete(line)) {
            throw new EOFError(-1, -1, "the statement goes on until ';'", ";");
        }
        int wordStart = cursor;
        while (wordStart > 0 && isWordPart(line.charAt(wordStart - 1))) {
            wordStart--;
        }
        List<String> words = new ArrayList<>();
        String before = line.substring(0, wordStart);
        if (ReplSession.isDotCommand(line)) {
            for (String w : before.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        } else {
            for (SqlToken t : SqlScanner.scan(before)) {
                if (!t.blank()) {
                    words.add(line.substring(t.start(), t.end()));
                }
            }
        }
        String word = line.substring(wordStart, cursor);
        words.add(word);
        return new Line(word, cursor - wordStart, words.size() - 1, List.copyOf(words), line, cursor);
    }

    /** Characters of a name being completed: a name's own, the qualifier's dot, and a dot-command's leading dot. */
    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
    }

    /**
     * The parsed line: the words before the cursor (as tokens), the last being the word being
     * completed. Names need no escaping, so candidates go in as they are.
     */
    private record Line(String word, int wordCursor, int wordIndex, List<String> words, String line, int cursor)
            implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
