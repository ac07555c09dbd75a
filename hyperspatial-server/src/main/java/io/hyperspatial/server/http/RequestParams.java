package io.hyperspatial.server.http;

import io.hyperspatial.manifold.Durability;

import java.util.Locale;

/** Query parameters shared by several endpoints, parsed with errors that name them. Stateless. */
public final class RequestParams {
    private RequestParams() {
    }

    /** {@code ?durability=strict|batch|async}; strict when absent. */
    public static Durability durability(String value) {
        if (value == null || value.isEmpty()) {
            return Durability.STRICT;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "strict" -> Durability.STRICT;
            case "batch" -> Durability.BATCH;
            case "async" -> Durability.ASYNC;
            default -> throw ApiException.invalid("durability", "query parameter 'durability' must be strict, batch or async, got '"
                    + value + "'");
        };
    }

    /** A boolean query parameter: {@code true} or {@code false}; {@code absent} when missing. */
    public static boolean flag(String name, String value, boolean absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, "query parameter '" + name + "' must be true or false, got '" + value + "'");
        };
    }
}
