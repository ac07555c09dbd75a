package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;

/**
 * The input of an import cannot be read on from {@code line}: malformed JSON inside an array, a
 * CSV record with broken quoting, an unreadable stream, a header of another format version.
 * Unlike a bad row, no later row can be trusted, so the import stops whatever {@link OnError} says.
 */
public final class ImportInputException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public ImportInputException(long line, String message, Throwable cause) {
        super(ErrorCode.INVALID_ARGUMENT, null, "line " + line + ": " + message, cause);
        this.line = line;
    }

    /** The line the input stopped being readable at. */
    public long line() {
        return line;
    }
}
