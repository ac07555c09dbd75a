package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SnapshotReader;
import io.hyperspatial.manifold.store.SnapshotReaderPool;
import io.hyperspatial.manifold.table.EntityScan;

/**
 * A consistent snapshot of a collection: every table read through it sees the same committed
 * state, whatever commits meanwhile. Keeps the collection open until closed. Not thread-safe.
 */
public final class ReadView extends TableReads implements AutoCloseable {
    private final Lease lease;
    private final SnapshotReader reader;
    private final SnapshotReaderPool readers;
    private final Schema schema;
    private final long sequence;
    private boolean closed;

    /** A view through a reader taken from {@code readers}, given back on close. */
    ReadView(Lease lease, Schema schema, long sequence, SnapshotReaderPool readers) {
        this.lease = lease;
        this.schema = schema;
        this.sequence = sequence;
        this.readers = readers;
        this.reader = readers.take(lease.store());
    }

    @Override
    KeyValueReader reader() {
        return reader;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Every change-feed event up to this sequence is visible in this view. */
    public long sequence() {
        return sequence;
    }

    /**
     * The entities of {@code type} whose ids lie in slice {@code slice} of {@code slices} equal slices
     * of the id space, in id order. Unlike this view's other reads, such a scan runs on a native
     * iterator of its own on the view's snapshot, so scans of different slices may be moved by
     * different threads at once (each by one thread at a time). The slices in order hold exactly
     * the entities {@code entities().scan(type)} returns, in its order; entity ids are uniform, so
     * slices hold about as many each. Close every such scan before the view.
     *
     * @throws IllegalArgumentException unless {@code 0 <= slice < slices <= 65536}
     */
    public EntityScan scanSlice(String type, int slice, int slices) {
        byte[][] bounds = IdSlices.bounds(slice, slices);
        return entities().scan(type, reader.scanDetached(reader.store().family(ColumnFamilies.ENTITIES),
                bounds[0], bounds[1]));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            readers.give(reader);
        } finally {
            lease.close();
        }
    }
}
