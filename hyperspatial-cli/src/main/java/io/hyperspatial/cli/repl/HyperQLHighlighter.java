package io.hyperspatial.cli.repl;

import io.hyperspatial.cli.query.SqlScanner;
import io.hyperspatial.cli.query.SqlToken;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours HyperQL as it is typed: keywords bold blue, strings (and blobs) green, numbers cyan,
 * parameters magenta, comments faint; an unterminated string stays green to the end, so an open
 * quote shows. Stateless.
 */
final class HyperQLHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle PARAMETER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder b = new AttributedStringBuilder(buffer.length());
        for (SqlToken t : SqlScanner.scan(buffer)) {
            String text = buffer.substring(t.start(), t.end());
            AttributedStyle style = switch (t.kind()) {
                case WORD -> Vocabulary.isKeyword(text) ? KEYWORD : AttributedStyle.DEFAULT;
                case STRING -> STRING;
                case NUMBER -> NUMBER;
                case PARAMETER -> PARAMETER;
                case COMMENT -> COMMENT;
                default -> AttributedStyle.DEFAULT;
            };
            b.styled(style, text);
        }
        return b.toAttributedString();
    }
}
