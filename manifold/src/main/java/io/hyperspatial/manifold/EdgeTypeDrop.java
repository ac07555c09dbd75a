package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.table.EdgeRecord;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The storage side of a schema change that drops edge types, staged into the transaction that
 * commits the new catalog: every row of those types is deleted from both edge families, and both
 * ends of each active edge are reported as changed ({@code EDGES}) to the change feed. One full scan
 * of {@code edges_out}, only when a type is dropped. Stateless.
 */
final class EdgeTypeDrop {
    private EdgeTypeDrop() {
    }

    /** Whether going from {@code current} to {@code next} drops an edge type (and so needs exclusive writes). */
    static boolean needed(Schema current, Schema next) {
        return !dropped(current, next).isEmpty();
    }

    static void stage(Schema current, Schema next, KeyValueReader reader, BiConsumer<ColumnFamilyHandle, byte[]> delete,
                      Consumer<UUID> changed) {
        Set<Integer> dropped = dropped(current, next);
        if (dropped.isEmpty()) {
            return;
        }
        ColumnFamilyHandle out = reader.store().family(ColumnFamilies.EDGES_OUT);
        ColumnFamilyHandle in = reader.store().family(ColumnFamilies.EDGES_IN);
        List<byte[]> keys = new ArrayList<>();
        List<Boolean> active = new ArrayList<>();
        try (Cursor c = reader.scan(out, new byte[0], null)) {
            while (c.next()) {
                if (dropped.contains(EdgeRecord.typeId(c.key()))) {
                    keys.add(c.key());
                    active.add(EdgeRecord.decode(c.value()).active());
                }
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            byte[] k = keys.get(i);
            UUID from = Keys.getUuid(k, 0);
            UUID to = EdgeRecord.other(k);
            delete.accept(out, k);
            delete.accept(in, EdgeRecord.key(to, EdgeRecord.typeId(k), from));
            if (active.get(i)) {
                changed.accept(from);
                changed.accept(to);
            }
        }
    }

    private static Set<Integer> dropped(Schema current, Schema next) {
        return current.edgeTypes().values().stream().filter(t -> !next.edgeTypes().containsKey(t.name()))
                .map(EdgeType::id).collect(Collectors.toSet());
    }
}
