package io.hyperspatial.hyperql.source;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A table whose cursors stop at their first row until {@link #release()}: a query over it is held
 * inside its scan, at a point the test controls, for tests of what other statements may do
 * meanwhile. {@link #awaitEntered()} waits until a scan has reached that point.
 */
public final class BlockingTable implements Table {
    private final Table inner;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public BlockingTable(Table inner) {
        this.inner = inner;
    }

    /** Waits (up to 30 s) until a cursor is held at its first row; false when none got there. */
    public boolean awaitEntered() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    /** Lets every held cursor, and every later one, go on. */
    public void release() {
        released.countDown();
    }

    @Override
    public TableSchema schema() {
        return inner.schema();
    }

    @Override
    public long rowCount() {
        return inner.rowCount();
    }

    @Override
    public List<AccessPath> accessPaths() {
        return inner.accessPaths();
    }

    @Override
    public RowCursor open(AccessRequest request) {
        RowCursor cursor = inner.open(request);
        return new RowCursor() {
            @Override
            public boolean next() {
                entered.countDown();
                try {
                    if (!released.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the blocking table");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return cursor.next();
            }

            @Override
            public Object[] row() {
                return cursor.row();
            }

            @Override
            public Object rowId() {
                return cursor.rowId();
            }
        };
    }

    @Override
    public Applied apply(List<TableMutation> mutations) {
        return inner.apply(mutations);
    }
}
