package io.hyperspatial.manifold;

import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.store.StorageErrors;
import io.hyperspatial.manifold.table.EntityRecord;
import io.hyperspatial.manifold.table.PropertyRow;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Brings a collection written in an older on-disk format up to {@link CollectionMeta#FORMAT_VERSION}
 * when it opens, before anything reads it.
 *
 * <p>Format 1 to 2: format 1 stored each property in its own row of the {@code properties} family,
 * keyed {@code (entity id, property id)}; format 2 stores all of an entity's properties in its row
 * of {@code entities}, after the header ({@link PropertyRow}). The migration walks the property
 * rows in key order (so entity by entity) and, for each entity, writes its row with the
 * properties and deletes its property rows in one atomic batch. A crash part-way leaves every
 * entity either migrated or not, and the format version still 1, so the next open carries on
 * where it stopped. The new version is written last, synced, which also makes every batch before
 * it durable (one write-ahead log); then the emptied family is compacted to drop its tombstones.
 */
final class FormatMigration {
    /** Entities per atomic write batch. */
    private static final int BATCH_ENTITIES = 1_000;

    private FormatMigration() {
    }

    /** Migrates {@code store} if it is older than this build's format; a no-op otherwise. */
    static void upgrade(CollectionStore store) {
        upgrade(store, Long.MAX_VALUE);
    }

    /**
     * {@link #upgrade(CollectionStore)} that stops after moving the properties of {@code maxEntities}
     * entities, leaving the format version as it was when it stopped short: what a crash part-way
     * leaves, for tests.
     */
    static void upgrade(CollectionStore store, long maxEntities) {
        int version = CollectionMeta.formatVersion(store);
        if (version >= CollectionMeta.FORMAT_VERSION) {
            return;
        }
        try {
            if (!propertiesIntoEntityRows(store, maxEntities)) {
                return;
            }
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(store.family(ColumnFamilies.META), CollectionMeta.FORMAT_KEY,
                        CollectionMeta.int32(CollectionMeta.FORMAT_VERSION));
                store.writeUnchecked(store.writeOptions(Durability.STRICT), batch);
            }
            store.db().compactRange(store.family(ColumnFamilies.PROPERTIES));
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("migrate " + store.dir() + " from on-disk format " + version + " to "
                    + CollectionMeta.FORMAT_VERSION, e);
        }
    }

    /** Moves the properties of up to {@code maxEntities} entities; true when none is left. */
    private static boolean propertiesIntoEntityRows(CollectionStore store, long maxEntities) throws RocksDBException {
        ColumnFamilyHandle properties = store.family(ColumnFamilies.PROPERTIES);
        ColumnFamilyHandle entities = store.family(ColumnFamilies.ENTITIES);
        try (RocksIterator it = store.db().newIterator(properties); WriteBatch batch = new WriteBatch()) {
            byte[] entity = null;
            List<byte[]> keys = new ArrayList<>();
            TreeMap<Integer, byte[]> values = new TreeMap<>();
            int inBatch = 0;
            long moved = 0;
            for (it.seekToFirst(); ; it.next()) {
                byte[] key = it.isValid() ? it.key() : null;
                if (entity != null && (key == null || !Arrays.equals(key, 0, Keys.UUID_BYTES, entity, 0, Keys.UUID_BYTES))) {
                    if (moved++ == maxEntities) {
                        store.writeUnchecked(store.writeOptions(Durability.ASYNC), batch);
                        return false;
                    }
                    moveInto(batch, entities, properties, entity, keys, values, store.db().get(entities, entity));
                    keys.clear();
                    values.clear();
                    if (++inBatch == BATCH_ENTITIES) {
                        store.writeUnchecked(store.writeOptions(Durability.ASYNC), batch);
                        batch.clear();
                        inBatch = 0;
                    }
                }
                if (key == null) {
                    break;
                }
                entity = Arrays.copyOf(key, Keys.UUID_BYTES);
                keys.add(key);
                values.put(Keys.getInt(key, Keys.UUID_BYTES), it.value());
            }
            it.status();
            store.writeUnchecked(store.writeOptions(Durability.ASYNC), batch);
            return true;
        }
    }

    /** Stages one entity: its row rewritten with its properties (none if it has no row), its property rows deleted. */
    private static void moveInto(WriteBatch batch, ColumnFamilyHandle entities, ColumnFamilyHandle properties,
                                 byte[] entity, List<byte[]> keys, TreeMap<Integer, byte[]> values, byte[] row)
            throws RocksDBException {
        if (row != null) {
            TreeMap<Integer, byte[]> merged = PropertyRow.decode(row);
            merged.putAll(values);
            byte[] section = PropertyRow.encode(merged);
            batch.put(entities, entity, EntityRecord.decode(row).encodeRow(section, 0, section.length));
        }
        for (byte[] key : keys) {
            batch.delete(properties, key);
        }
    }
}
