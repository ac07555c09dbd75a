package io.hyperspatial.cli.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonWriterTest {
    @Test
    void writesNestedValuesIndented() {
        String json = new JsonWriter().beginObject()
                .name("name").value("demo")
                .name("count").value(20_000)
                .name("ratio").value(0.25)
                .name("whole").value(3.0)
                .name("ok").value(true)
                .name("none").nullValue()
                .name("empty").beginArray().endArray()
                .name("list").beginArray().value(1).beginObject().endObject().endArray()
                .endObject().toString();
        assertThat(json).isEqualTo("""
                {
                  "name": "demo",
                  "count": 20000,
                  "ratio": 0.25,
                  "whole": 3,
                  "ok": true,
                  "none": null,
                  "empty": [],
                  "list": [
                    1,
                    {}
                  ]
                }
                """);
    }

    @Test
    void escapesWhatJsonRequiresAndKeepsTheRest() {
        StringBuilder out = new StringBuilder();
        JsonWriter.quote("a\"b\\c\nd\te\u0001f\u007Fgé€😀\u2028/", out);
        assertThat(out.toString()).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u007fgé€😀\\u2028/\"");
    }

    @Test
    void escapesUnpairedSurrogatesSoTheOutputIsValidUtf8() {
        StringBuilder out = new StringBuilder();
        JsonWriter.quote("x\uD800y\uDC00", out);
        assertThat(out.toString()).isEqualTo("\"x\\ud800y\\udc00\"");
    }

    @Test
    void rejectsMisuse() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().value(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("a").endObject()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
