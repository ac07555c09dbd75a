package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SnapshotReader;

/**
 * A consistent snapshot of a collection: every table read through it sees the same committed
 * state, whatever commits meanwhile. Keeps the collection open until closed. Not thread-safe.
 */
public final class ReadView extends TableReads implements AutoCloseable {
    private final Lease lease;
    private final SnapshotReader reader;
    private final Schema schema;
    private final long sequence;

    ReadView(Lease lease, Schema schema, long sequence) {
        this.lease = lease;
        this.schema = schema;
        this.sequence = sequence;
        this.reader = new SnapshotReader(lease.store());
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

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            lease.close();
        }
    }
}
