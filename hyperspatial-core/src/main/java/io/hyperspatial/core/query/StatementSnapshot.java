package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.source.StatementScope;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.RowLookup;

import java.util.ArrayList;
import java.util.List;

/**
 * The reads of one statement over a {@link CollectionDataSource}: the snapshot it reads from
 * (opened at its first read) and the cursors opened on it, closed before the snapshot. A write of
 * the statement {@linkplain #release() releases} both, so its later reads open a snapshot that
 * sees the write. Owned by the statement's thread, which opens and closes it; not thread-safe.
 */
final class StatementSnapshot implements StatementScope {
    private final Collection collection;
    private final Runnable onClose;
    private final List<AutoCloseable> cursors = new ArrayList<>();
    private ReadView view;
    private RowLookup lookups;

    /** @param onClose run after the snapshot was closed (the source forgets the statement) */
    StatementSnapshot(Collection collection, Runnable onClose) {
        this.collection = collection;
        this.onClose = onClose;
    }

    /** The snapshot the statement reads from, opened on first use. */
    ReadView view() {
        if (view == null) {
            view = StorageErrors.translate(collection::snapshot);
        }
        return view;
    }

    /**
     * The row reader that every row the statement reads by entity id shares (rows found by a key,
     * an index, a join probe, a k-NN search): made on first use, on the statement's snapshot.
     */
    RowLookup lookups() {
        if (lookups == null) {
            lookups = view().properties().lookup();
        }
        return lookups;
    }

    /** Keeps a cursor on the snapshot, to be closed (before it) when the statement ends or writes. */
    <T extends AutoCloseable> T keep(T cursor) {
        cursors.add(cursor);
        return cursor;
    }

    /** Closes the cursors and the snapshot; the next read opens a new snapshot. */
    void release() {
        try {
            for (AutoCloseable c : cursors.reversed()) {
                c.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("closing a cursor failed", e);
        } finally {
            cursors.clear();
            lookups = null;
            if (view != null) {
                view.close();
                view = null;
            }
        }
    }

    @Override
    public void close() {
        try {
            release();
        } finally {
            onClose.run();
        }
    }
}
