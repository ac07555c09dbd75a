package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import org.rocksdb.ColumnFamilyHandle;

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
    private byte[] row;

    RowLookup(KeyValueReader reader, ColumnFamilyHandle entities) {
        this.reader = reader;
        this.entities = entities;
    }

    /** Reads the row of {@code id}; false when the entity does not exist. */
    public boolean moveTo(UUID id) {
        row = reader.get(entities, Keys.uuid(id));
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
