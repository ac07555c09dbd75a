package io.hyperspatial.cli.repl;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HyperQLHighlighterTest {
    private final HyperQLHighlighter highlighter = new HyperQLHighlighter();

    private static AttributedStyle styleAt(AttributedString s, String text, String part) {
        return s.styleAt(text.indexOf(part));
    }

    @Test
    void keywordsStringsNumbersParametersAndCommentsGetTheirStyles() {
        String text = "select name, 'it''s' FROM item WHERE price > 4.5e1 AND k = $max -- cheap";
        AttributedString s = highlighter.highlight(null, text);
        assertThat(s.toString()).isEqualTo(text);
        assertThat(styleAt(s, text, "select")).isEqualTo(HyperQLHighlighter.KEYWORD);
        assertThat(styleAt(s, text, "FROM")).isEqualTo(HyperQLHighlighter.KEYWORD);
        assertThat(styleAt(s, text, "name")).isEqualTo(AttributedStyle.DEFAULT);
        assertThat(styleAt(s, text, "it''s")).isEqualTo(HyperQLHighlighter.STRING);
        assertThat(styleAt(s, text, "4.5e1")).isEqualTo(HyperQLHighlighter.NUMBER);
        assertThat(styleAt(s, text, "e1")).isEqualTo(HyperQLHighlighter.NUMBER);
        assertThat(styleAt(s, text, "$max")).isEqualTo(HyperQLHighlighter.PARAMETER);
        assertThat(styleAt(s, text, "cheap")).isEqualTo(HyperQLHighlighter.COMMENT);
    }

    @Test
    void anOpenStringIsAStringToTheEnd() {
        String text = "SELECT 'not closed FROM t";
        AttributedString s = highlighter.highlight(null, text);
        assertThat(styleAt(s, text, "FROM")).isEqualTo(HyperQLHighlighter.STRING);
    }
}
