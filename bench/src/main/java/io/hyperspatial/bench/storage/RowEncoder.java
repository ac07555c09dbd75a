package io.hyperspatial.bench.storage;

import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.table.EdgeRecord;
import io.hyperspatial.manifold.table.EntityRecord;
import io.hyperspatial.manifold.table.PropertyRow;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import io.hyperspatial.manifold.store.Keys;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Encodes the rows a manifold commit of {@link EntitySpec}s writes, byte for byte in manifold's
 * own formats (its public codecs), into a plain RocksDB {@link WriteBatch}: per entity one row
 * (header and five properties), an {@code edges_out} and an {@code edges_in} row; per commit one change
 * event row. This is the raw baseline's whole write path: it skips only what makes manifold a
 * database (snapshots, conflict checks, validation, the sequence tracker). Thread-safe.
 */
final class RowEncoder {
    private static final int NEW_ENTITY = ChangeFlag.CREATED.bit() | ChangeFlag.PROPERTIES.bit()
            | ChangeFlag.UPDATED.bit() | ChangeFlag.EDGES.bit();

    private final RawRocksStore store;
    private final int typeId;
    private final int[] propertyIds;
    private final int edgeTypeId;

    /** Takes the type, property and edge-type ids from {@code schema}, the schema manifold writes with. */
    RowEncoder(RawRocksStore store, Schema schema) {
        this.store = store;
        EntityType type = schema.entityType(EntitySpec.TYPE);
        this.typeId = type.id();
        this.propertyIds = new int[EntitySpec.PROPERTIES.length];
        for (int i = 0; i < propertyIds.length; i++) {
            propertyIds[i] = schema.property(type, EntitySpec.PROPERTIES[i]).id();
        }
        this.edgeTypeId = schema.edgeType(EntitySpec.EDGE).id();
    }

    /** Adds the rows of {@code entities} and of their change event {@code sequence} to {@code batch}. */
    void encode(WriteBatch batch, List<EntitySpec> entities, long sequence) throws RocksDBException {
        long now = System.currentTimeMillis();
        Map<UUID, Integer> changes = new LinkedHashMap<>();
        for (EntitySpec e : entities) {
            byte[] id = Keys.uuid(e.id());
            Value[] values = e.values();
            TreeMap<Integer, byte[]> properties = new TreeMap<>();
            for (int i = 0; i < values.length; i++) {
                properties.put(propertyIds[i], ValueCodec.encode(values[i]));
            }
            byte[] section = PropertyRow.encode(properties);
            batch.put(store.entities(), id, new EntityRecord(typeId, now, now, 1, e.key()).encodeRow(section, 0, section.length));
            byte[] edge = new EdgeRecord(true, e.weight(), now, 0).encode();
            batch.put(store.edgesOut(), EdgeRecord.key(e.id(), edgeTypeId, e.previous()), edge);
            batch.put(store.edgesIn(), EdgeRecord.key(e.previous(), edgeTypeId, e.id()), edge);
            changes.merge(e.id(), NEW_ENTITY, (a, b) -> a | b);
            changes.merge(e.previous(), ChangeFlag.EDGES.bit(), (a, b) -> a | b);
        }
        List<EntityChange> list = new ArrayList<>(changes.size());
        changes.forEach((id, mask) -> list.add(new EntityChange(id, mask)));
        batch.put(store.changes(), ChangeEvent.key(sequence), new ChangeEvent(sequence, now, 0, list).encode());
    }
}
