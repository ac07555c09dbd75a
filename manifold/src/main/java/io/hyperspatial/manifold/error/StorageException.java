package io.hyperspatial.manifold.error;

/**
 * The storage engine failed: an I/O error, corruption, an incompatible on-disk format, or use of
 * a database that was closed. The operation may not have been applied; it was not half-applied.
 */
public final class StorageException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    public StorageException(ErrorCode code, String message, Throwable cause) {
        super(code, null, message, cause);
    }

    public StorageException(ErrorCode code, String message) {
        super(code, null, message, null);
    }
}
