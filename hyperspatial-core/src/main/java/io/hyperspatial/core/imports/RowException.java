package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;

/**
 * A row of the input cannot be imported; reading goes on with the next row. Thrown by the entity
 * sources and caught by {@link Importer}, which fails or skips according to {@link OnError}.
 */
final class RowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RowError error;

    RowException(RowError error) {
        super(error.describe(), null, false, false);
        this.error = error;
    }

    RowError error() {
        return error;
    }

    /** A row error for a database error (code and message kept), at {@code field} of {@code line}. */
    static RowException of(long line, String field, ManifoldException e) {
        return new RowException(new RowError(line, field, e.code(), e.getMessage()));
    }

    /** A row error for bad input at {@code field} of {@code line}. */
    static RowException invalid(long line, String field, String reason) {
        return new RowException(new RowError(line, field, ErrorCode.INVALID_ARGUMENT, reason));
    }
}
