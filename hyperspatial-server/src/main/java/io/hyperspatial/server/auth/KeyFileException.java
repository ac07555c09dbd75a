package io.hyperspatial.server.auth;

/** An API key file cannot be read, is malformed, or cannot be written. The message names the file and line. */
public final class KeyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }
}
