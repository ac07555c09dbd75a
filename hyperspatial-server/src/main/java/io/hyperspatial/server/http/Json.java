package io.hyperspatial.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;

import java.io.IOException;

/**
 * The server's one JSON mapper and the two ends of every JSON exchange: a request body read into
 * a tree (syntax errors become {@link ApiException#MALFORMED_JSON} with line and column) and a
 * tree written as a response. Duplicate keys, trailing content and the non-standard {@code NaN}
 * and {@code Infinity} tokens are syntax errors. Thread-safe.
 */
public final class Json {
    /** Strict parsing; shared, since a configured mapper is thread-safe. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** A new empty object to build a response in. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The request body as a JSON object, the root of its {@link JsonInput}. */
    public static JsonInput body(AggregatedHttpRequest request) {
        if (request.content().isEmpty()) {
            throw ApiException.invalid(null, "the request body is empty; a JSON object was expected");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(request.content().array());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw ApiException.malformed("malformed JSON at line " + line + ", column " + column + ": "
                    + withoutParserHints(e.getOriginalMessage()), line, column);
        } catch (IOException e) {
            throw ApiException.malformed("unreadable request body: " + e.getMessage(), 0, 0);
        }
        JsonInput root = JsonInput.root(tree);
        root.requireObject();
        return root;
    }

    /** The parser's message without its advice on enabling parser features, which clients cannot do. */
    private static String withoutParserHints(String message) {
        int hint = message.indexOf(": enable `");
        String m = hint >= 0 ? message.substring(0, hint) : message;
        int newline = m.indexOf('\n');
        return newline >= 0 ? m.substring(0, newline) : m;
    }

    /** A JSON response. */
    public static HttpResponse response(HttpStatus status, JsonNode body) {
        return HttpResponse.of(status, MediaType.JSON_UTF_8, bytes(body));
    }

    /** A tree as UTF-8 JSON. */
    public static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** A 200 JSON response. */
    public static HttpResponse ok(JsonNode body) {
        return response(HttpStatus.OK, body);
    }
}
