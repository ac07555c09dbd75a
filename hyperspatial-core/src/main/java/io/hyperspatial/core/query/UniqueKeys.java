package io.hyperspatial.core.query;

import io.hyperspatial.manifold.TableReads;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.table.EntityScan;
import io.hyperspatial.manifold.table.IndexKeyCodec;
import io.hyperspatial.manifold.table.PropertyIndexTable;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.value.Value;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Uniqueness over property indexes: whether a value is taken by another entity, whether an index
 * already holds a duplicate, the largest integer an index holds (for {@code INTEGER PRIMARY KEY}),
 * and the claims that keep concurrent statements from deciding on the same value. NULLs never
 * collide (they are not indexed). Stateless.
 */
final class UniqueKeys {
    private UniqueKeys() {
    }

    /** Another entity (not {@code self}) whose indexed value equals {@code value}, or null. */
    static UUID holder(TableReads view, String index, Value value, UUID self) {
        for (UUID other : view.propertyIndexes().equal(index, value)) {
            if (!other.equals(self)) {
                return other;
            }
        }
        return null;
    }

    /**
     * Claims an indexed value for the transaction: a concurrent transaction that claims the same
     * value of the same index conflicts with it ({@link Transaction#claim}), and is run again on a
     * snapshot that shows this one's row. Index entries alone would not conflict, since each
     * names its own entity. NULL (not indexed) claims nothing.
     */
    static void claim(Transaction tx, String index, Value value) {
        if (!IndexKeyCodec.indexable(value)) {
            return;
        }
        byte[] name = index.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = IndexKeyCodec.encode(value);
        byte[] token = new byte[name.length + 1 + encoded.length];
        System.arraycopy(name, 0, token, 0, name.length);
        System.arraycopy(encoded, 0, token, name.length + 1, encoded.length);
        tx.claim(token);
    }

    /**
     * The largest integer in an index over an {@code int64} property, or null when it is empty: a
     * binary search over the value range, one bounded seek per step (at most 64), since the index
     * reads forward only.
     */
    static Long largestInteger(TableReads view, String index) {
        PropertyIndexTable entries = view.propertyIndexes();
        if (entries.range(index, null, null, 1).isEmpty()) {
            return null;
        }
        long low = Long.MIN_VALUE;
        long high = Long.MAX_VALUE;
        while (low < high) {
            long mid = (low & high) + ((low ^ high) >> 1) + ((low ^ high) & 1);
            if (entries.range(index, new PropertyIndexTable.Bound(Value.of(mid), true), null, 1).isEmpty()) {
                high = mid - 1;
            } else {
                low = mid;
            }
        }
        return low;
    }

    /**
     * Whether two entities of {@code type} share a value of {@code property} as an index would key
     * it (NULLs, which are not indexed, never collide): one scan of the type's entities, with the
     * encoded values seen kept in memory. Run inside the commit that declares a unique index, with
     * other writes held, so no duplicate can slip in between the check and the index.
     */
    static boolean hasDuplicates(TableReads reads, String type, PropertyDef property) {
        Set<ByteBuffer> seen = new HashSet<>();
        try (EntityScan scan = reads.entities().scan(type)) {
            while (scan.next()) {
                Value value = reads.properties().get(scan.id(), property).orElse(Value.NULL);
                if (IndexKeyCodec.indexable(value) && !seen.add(ByteBuffer.wrap(IndexKeyCodec.encode(value)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
