package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.KeyDeletes;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.store.StorageErrors;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Removes time-series points older than their measure's retention. Walks the series of the
 * {@code measures} family (seeking from one series to the next, not reading every point) and
 * deletes each series' expired points ({@link KeyDeletes}, key by key in batches). Not a logical operation: it emits no
 * change event. Safe to run concurrently with writes.
 */
public final class MeasureRetention {
    private MeasureRetention() {
    }

    /** Applies retention as of {@code nowMillis}; returns how many series had points removed. */
    public static int apply(CollectionStore store, Schema schema, long nowMillis) {
        if (schema.measures().values().stream().allMatch(MeasureDef::retainsForever)) {
            return 0;
        }
        ColumnFamilyHandle family = store.family(ColumnFamilies.MEASURES);
        int trimmed = 0;
        try (RocksIterator it = store.db().newIterator(family);
             KeyDeletes deletes = store.keyDeletes(store.writeOptions(Durability.ASYNC), KeyDeletes.BeforeWrite.NONE)) {
            it.seekToFirst();
            while (it.isValid()) {
                byte[] key = it.key();
                UUID id = Keys.getUuid(key, 0);
                int measureId = Keys.getInt(key, Keys.UUID_BYTES);
                Optional<MeasureDef> def = schema.measureById(measureId);
                if (def.isPresent() && !def.get().retainsForever()) {
                    long cutoff = nowMillis - def.get().retention().toMillis();
                    if (Keys.getOrderedLong(key, Keys.UUID_BYTES + 4) < cutoff) {
                        deletes.deleteRange(family, MeasureTable.key(id, measureId, Long.MIN_VALUE),
                                MeasureTable.key(id, measureId, cutoff));
                        trimmed++;
                    }
                }
                byte[] next = Keys.prefixEnd(Arrays.copyOf(key, Keys.UUID_BYTES + 4));
                if (next == null) {
                    break;
                }
                it.seek(next);
            }
            deletes.finish();
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("apply measure retention", e);
        }
        return trimmed;
    }
}
