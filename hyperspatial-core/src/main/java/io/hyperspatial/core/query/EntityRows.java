package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.source.RowCursor;

import java.util.List;
import java.util.UUID;

/**
 * Rows of entities found by id (a key lookup, or the ids of a property index's range or lookup),
 * in the order given, read {@value #BATCH} at a time with one batched point read
 * ({@link RowReader#readAll}) as the cursor moves. Ids the reader finds no row for (missing
 * entities, other types) are skipped.
 */
final class EntityRows implements RowCursor {
    /** Ids read per batch: a 100-row range is one native call, and a LIMIT reads little past its end. */
    static final int BATCH = 128;

    private final List<UUID> ids;
    private final RowReader reader;
    private Object[][] batch = new Object[0][];
    private int batchStart;
    private int next;
    private UUID id;
    private Object[] row;

    private EntityRows(List<UUID> ids, RowReader reader) {
        this.ids = ids;
        this.reader = reader;
    }

    static EntityRows of(List<UUID> ids, RowReader reader) {
        return new EntityRows(ids, reader);
    }

    @Override
    public boolean next() {
        while (next < ids.size()) {
            if (next - batchStart >= batch.length) {
                batchStart = next;
                List<UUID> chunk = ids.subList(next, Math.min(ids.size(), next + BATCH));
                batch = chunk.size() == 1
                        ? new Object[][] {StorageErrors.translate(() -> reader.read(chunk.getFirst()))}
                        : StorageErrors.translate(() -> reader.readAll(chunk));
            }
            id = ids.get(next);
            row = batch[next++ - batchStart];
            if (row != null) {
                return true;
            }
        }
        row = null;
        return false;
    }

    @Override
    public Object[] row() {
        return row;
    }

    @Override
    public Object rowId() {
        return id;
    }

    /** Each row is a new array the reader made for this cursor alone. */
    @Override
    public boolean handsOverRows() {
        return true;
    }
}
