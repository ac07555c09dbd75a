package io.hyperspatial.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {
    @Test
    void padsColumnsRightAlignsNumbersAndLeavesNoTrailingSpaces() {
        TextTable t = new TextTable("NAME", "COUNT", "NOTE").alignRight(1);
        t.add("Category", "500", "x");
        t.add("Item", "19,500", "");
        StringWriter out = new StringWriter();
        t.print(new PrintWriter(out, true));
        assertThat(out.toString()).isEqualTo("""
                NAME       COUNT  NOTE
                Category     500  x
                Item      19,500
                """);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new TextTable("A", "B").add("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
