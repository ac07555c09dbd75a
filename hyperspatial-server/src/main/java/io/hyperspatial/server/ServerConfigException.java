package io.hyperspatial.server;

/** A server configuration that cannot or must not be served (e.g. a public bind without API keys). */
public final class ServerConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerConfigException(String message) {
        super(message);
    }
}
