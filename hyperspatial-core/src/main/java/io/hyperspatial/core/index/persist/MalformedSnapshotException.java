package io.hyperspatial.core.index.persist;

/**
 * A snapshot payload that passed its checksum does not parse as its format says: a count out of
 * range, a reference to a node that does not exist, bytes missing or left over.
 * {@link SnapshotFile#read} reports it as corruption.
 */
public final class MalformedSnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedSnapshotException(String message) {
        super(message);
    }
}
