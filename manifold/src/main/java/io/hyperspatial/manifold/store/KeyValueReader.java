package io.hyperspatial.manifold.store;

import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.List;

/**
 * Point reads and range scans over one consistent view of a collection: a snapshot, or a
 * transaction (which also sees its own uncommitted writes). Implementations are not thread-safe.
 */
public interface KeyValueReader {

    CollectionStore store();

    /** The value at {@code key}, or null. */
    byte[] get(ColumnFamilyHandle family, byte[] key);

    /**
     * The values at {@code keys}, in their order, null where a key has none. By default one
     * {@link #get} per key; a snapshot reads them in one batch.
     */
    default List<byte[]> getAll(ColumnFamilyHandle family, List<byte[]> keys) {
        List<byte[]> out = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            out.add(get(family, key));
        }
        return out;
    }

    /** Keys in {@code [from, to)}, in order; {@code to} null means to the end of the family. */
    Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to);

    /** Keys starting with {@code prefix}. */
    default Cursor scanPrefix(ColumnFamilyHandle family, byte[] prefix) {
        return scan(family, prefix, Keys.prefixEnd(prefix));
    }
}
