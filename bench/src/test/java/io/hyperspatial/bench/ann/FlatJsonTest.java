package io.hyperspatial.bench.ann;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class FlatJsonTest {

    @Test
    void parsesEveryValueKindInOrder() {
        Map<String, Object> o = FlatJson.parse(" {\"a\":1, \"b\":-2.5e3,\"c\":\"x\\\"y\\\\z\\u00e9\\n\",\"d\":true,\"e\":false,\"f\":null} ");
        assertThat(o).containsExactly(entry("a", 1.0), entry("b", -2500.0), entry("c", "x\"y\\zé\n"),
                entry("d", true), entry("e", false), entry("f", null));
        assertThat(FlatJson.parse("{}")).isEmpty();
    }

    @Test
    void readsWhatJsonLinePrints() {
        String line = new io.hyperspatial.core.index.eval.JsonLine().put("subject", "a\tb").put("ef", 10)
                .put("recall", 0.987654321).put("ok", true).toString();
        assertThat(FlatJson.parse(line)).containsEntry("subject", "a\tb").containsEntry("ef", 10.0)
                .containsEntry("recall", 0.987654).containsEntry("ok", true);
    }

    @Test
    void malformedInputNamesThePosition() {
        assertThatThrownBy(() -> FlatJson.parse("{\"a\":}")).hasMessageContaining("expected a value at position 5");
        assertThatThrownBy(() -> FlatJson.parse("{\"a\":1} x")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> FlatJson.parse("{\"a\":\"open")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> FlatJson.parse("[1]")).hasMessageContaining("expected '{'");
    }
}
