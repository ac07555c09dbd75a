package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads entity rows by id, one point read each, from {@link PropertyTable#lookup()}: after
 * {@link #moveTo}, the header of the entity moved to and its properties (in id order, values
 * decoded only when asked for). A reader of many entities (the rows of a range, a join's probes,
 * k-NN hits) reuses one. Not thread-safe.
 */
public final class RowLookup {
    private final KeyValueReader reader;
    private final ColumnFamilyHandle entities;
    private final PropertyRow properties = new PropertyRow();
    /** Rows already read from this lookup's reader and handed back ({@link #keep}), until read once more. */
    private final Map<UUID, byte[]> kept = new HashMap<>();
    private byte[] row;

    RowLookup(KeyValueReader reader, ColumnFamilyHandle entities) {
        this.reader = reader;
        this.entities = entities;
    }

    /** Reads the row of {@code id}; false when the entity does not exist. */
    public boolean moveTo(UUID id) {
        byte[] stored = kept.isEmpty() ? null : kept.remove(id);
        return moveTo(stored != null ? stored : read(id));
    }

    /** The stored row of {@code id} (one point read), or null; does not move. */
    public byte[] read(UUID id) {
        return reader.get(entities, Keys.uuid(id));
    }

    /**
     * Hands back a row read from this lookup (by {@link #read} or {@link #rowsOf}) whose entity the
     * caller will move to next: that read then costs nothing.
     */
    public void keep(UUID id, byte[] stored) {
        kept.put(id, stored);
    }

    /**
     * Reads the stored rows of {@code ids} with one batched point read (a RocksDB multi-get on a
     * snapshot), in the order given, null for an entity that does not exist. The rows are the
     * caller's: step through them with {@link #moveTo(byte[])}, which lets readers of nested
     * cursors share this lookup.
     */
    public List<byte[]> rowsOf(List<UUID> ids) {
        List<byte[]> rows = new ArrayList<>(ids.size());
        List<byte[]> keys = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            byte[] stored = kept.isEmpty() ? null : kept.remove(id);
            rows.add(stored);
            if (stored == null) {
                keys.add(Keys.uuid(id));
            }
        }
        if (keys.isEmpty()) {
            return rows;
        }
        List<byte[]> read = reader.getAll(entities, keys);
        if (keys.size() == ids.size()) {
            return read;
        }
        for (int i = 0, r = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                rows.set(i, read.get(r++));
            }
        }
        return rows;
    }

    /** Moves to a row read by {@link #rowsOf}; false when it is null (the entity does not exist). */
    public boolean moveTo(byte[] stored) {
        row = stored;
        properties.reset(row);
        return row != null;
    }

    /** The type id of the entity moved to (it must exist). */
    public int typeId() {
        return EntityRecord.typeIdOf(row);
    }

    /** The header of the entity moved to (it must exist). */
    public EntityRecord header() {
        return EntityRecord.decode(row);
    }

    /** The properties of the entity moved to, positioned before the first. */
    public PropertyRow properties() {
        return properties;
    }
}
