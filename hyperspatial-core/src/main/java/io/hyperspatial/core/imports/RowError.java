package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.error.ErrorCode;

/**
 * Why one row of an import was not written: the line it starts on (1-based), the field or column
 * at fault (null when the row as a whole is), a stable error code, and a message.
 */
public record RowError(long line, String field, ErrorCode code, String reason) {
    /** {@code line 12, field age: reason [code]}. */
    public String describe() {
        return "line " + line + (field == null ? "" : ", field " + field) + ": " + reason + " [" + code.code() + "]";
    }
}
