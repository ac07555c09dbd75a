package io.hyperspatial.manifold.store;

import org.rocksdb.ColumnFamilyHandle;

/**
 * Point reads and range scans over one consistent view of a collection: a snapshot, or a
 * transaction (which also sees its own uncommitted writes). Implementations are not thread-safe.
 */
public interface KeyValueReader {

    CollectionStore store();

    /** The value at {@code key}, or null. */
    byte[] get(ColumnFamilyHandle family, byte[] key);

    /** Keys in {@code [from, to)}, in order; {@code to} null means to the end of the family. */
    Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to);

    /** Keys starting with {@code prefix}. */
    default Cursor scanPrefix(ColumnFamilyHandle family, byte[] prefix) {
        return scan(family, prefix, Keys.prefixEnd(prefix));
    }
}
