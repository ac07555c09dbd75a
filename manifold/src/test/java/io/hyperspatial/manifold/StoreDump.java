package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SnapshotReader;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every stored row of a collection, read from one snapshot, as {@code family/hex(key) -> hex(value)}:
 * two collections with equal dumps hold byte-identical tables, change feed and meta.
 */
public final class StoreDump {
    private static final HexFormat HEX = HexFormat.of();

    private StoreDump() {
    }

    public static SortedMap<String, String> rows(Collection c) {
        SortedMap<String, String> rows = new TreeMap<>();
        try (Lease lease = c.acquire(); SnapshotReader reader = new SnapshotReader(lease.store())) {
            List<String> families = new ArrayList<>(ColumnFamilies.FIXED);
            for (VectorField f : c.schema().vectorFields().values()) {
                families.add(ColumnFamilies.vectors(f.name()));
            }
            for (String name : families) {
                ColumnFamilyHandle family = name.startsWith(ColumnFamilies.VECTORS_PREFIX)
                        ? lease.store().existingVectorFamily(name.substring(ColumnFamilies.VECTORS_PREFIX.length()))
                        : lease.store().family(name);
                if (family == null) {
                    continue;
                }
                try (Cursor cursor = reader.scan(family, new byte[0], null)) {
                    while (cursor.next()) {
                        rows.put(name + "/" + HEX.formatHex(cursor.key()), HEX.formatHex(cursor.value()));
                    }
                }
            }
        }
        return rows;
    }
}
