package io.hyperspatial.bench.storage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonObjectTest {

    @Test
    void printsFieldsInOrderWithFiveSignificantDigits() {
        JsonObject json = new JsonObject().put("name", "a \"b\"\n").put("n", 3).put("x", 0.123456789)
                .put("big", 123456.789).put("nan", Double.NaN).put("ok", true)
                .put("list", List.of(1, new JsonObject().put("k", (Object) null)));

        assertThat(json).hasToString("{\"name\":\"a \\\"b\\\"\\n\",\"n\":3,\"x\":0.12346,\"big\":123460,"
                + "\"nan\":null,\"ok\":true,\"list\":[1,{\"k\":null}]}");
    }
}
