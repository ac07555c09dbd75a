package io.hyperspatial.server.auth;

/**
 * One line of an API key file: the SHA-256 of the key (lower-case hex), its role and a name for
 * people (who the key was given to). The key itself is never stored.
 */
public record ApiKey(String sha256Hex, Role role, String name) {
}
