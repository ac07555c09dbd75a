package io.hyperspatial.manifold.feed;

import io.hyperspatial.manifold.error.FeedTruncatedException;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.SnapshotReader;
import io.hyperspatial.manifold.store.StoreAccess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A collection's change feed: one {@link ChangeEvent} per committed logical operation, in
 * sequence order, kept for a bounded number of events. Consumers (index maintainers, streams,
 * replication) remember the last sequence they applied and resume after it. Thread-safe.
 */
public final class ChangeFeed {
    private final String collection;
    private final StoreAccess access;
    private final Supplier<SequenceTracker> tracker;
    private final LongSupplier trimmedThrough;

    /**
     * @param tracker        the collection's sequence tracker (opening the collection if needed)
     * @param trimmedThrough the highest sequence removed by retention (0 if none)
     */
    public ChangeFeed(String collection, StoreAccess access, Supplier<SequenceTracker> tracker, LongSupplier trimmedThrough) {
        this.collection = collection;
        this.access = access;
        this.tracker = tracker;
        this.trimmedThrough = trimmedThrough;
    }

    /** The highest sequence number whose event (and every earlier one) is visible to readers. */
    public long lastSequence() {
        return tracker.get().visible();
    }

    /** The lowest sequence number a reader may resume after without losing events. */
    public long oldestResumable() {
        return trimmedThrough.getAsLong();
    }

    /** Up to {@code max} events with {@code after < sequence <= lastSequence()}. */
    public List<ChangeEvent> read(long after, int max) {
        return read(after, lastSequence(), max);
    }

    /**
     * Up to {@code max} events with {@code after < sequence <= upTo}.
     *
     * @throws FeedTruncatedException if events after {@code after} were already removed by retention
     */
    public List<ChangeEvent> read(long after, long upTo, int max) {
        long trimmed = trimmedThrough.getAsLong();
        if (after < trimmed) {
            throw new FeedTruncatedException(after, trimmed + 1);
        }
        List<ChangeEvent> events = new ArrayList<>();
        if (upTo <= after || max <= 0) {
            return events;
        }
        try (Lease lease = access.acquire(); SnapshotReader reader = new SnapshotReader(lease.store());
             Cursor c = reader.scan(lease.store().family(ColumnFamilies.CHANGES), ChangeEvent.key(after + 1),
                     ChangeEvent.key(upTo + 1))) {
            while (events.size() < max && c.next()) {
                events.add(ChangeEvent.decode(Keys.getLong(c.key(), 0), c.value()));
            }
        }
        return events;
    }

    /** Waits until an event after {@code after} is visible, or the timeout passes; returns whether one is. */
    public boolean await(long after, Duration timeout) throws InterruptedException {
        return tracker.get().awaitBeyond(after, timeout.toMillis());
    }

    /** Delivers every event after {@code after}, and all later ones, to {@code listener} until closed. */
    public Subscription subscribe(long after, ChangeListener listener) {
        long trimmed = trimmedThrough.getAsLong();
        if (after < trimmed) {
            throw new FeedTruncatedException(after, trimmed + 1);
        }
        return new Subscription(this, after, listener, "feed-" + collection + "-" + after);
    }
}
