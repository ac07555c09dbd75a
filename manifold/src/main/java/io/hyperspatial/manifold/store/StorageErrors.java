package io.hyperspatial.manifold.store;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Translates RocksDB failures into {@link StorageException}s with a stable code. */
public final class StorageErrors {
    private StorageErrors() {
    }

    public static StorageException wrap(String action, RocksDBException e) {
        Status s = e.getStatus();
        ErrorCode code = s != null && s.getCode() == Status.Code.Corruption ? ErrorCode.CORRUPTION : ErrorCode.STORAGE_IO;
        return new StorageException(code, action + " failed: " + e.getMessage(), e);
    }

    /** True for the statuses an optimistic transaction commit reports when it lost a conflict. */
    public static boolean isConflict(RocksDBException e) {
        Status s = e.getStatus();
        return s != null && (s.getCode() == Status.Code.Busy || s.getCode() == Status.Code.TryAgain);
    }
}
