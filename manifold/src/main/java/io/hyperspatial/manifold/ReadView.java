package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SnapshotReader;
import io.hyperspatial.manifold.store.SnapshotReaderPool;

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
