package io.hyperspatial.server.auth;

import java.util.Locale;

/**
 * What an API key may do. Each role includes the ones below it: {@code admin} manages
 * collections (create, drop, schema, freeze) and may write and read; {@code write} writes
 * entities and edges and may read; {@code read} reads and searches.
 */
public enum Role {
    READ, WRITE, ADMIN;

    /** Whether a key of this role may do what {@code required} allows. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The lower-case name used in key files and messages. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code admin}, {@code write} or {@code read} (any case). */
    public static Role parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "admin" -> ADMIN;
            case "write" -> WRITE;
            case "read" -> READ;
            default -> throw new IllegalArgumentException("unknown role '" + name + "'; expected admin, write or read");
        };
    }
}
