package io.hyperspatial.core.index.maintain;

import java.time.Duration;

/**
 * When a collection's index snapshots are written besides at shutdown: once the applied
 * change-feed sequence has moved {@code events} past the last snapshot, or {@code interval} has
 * passed since it and anything changed. Zero turns a trigger off; with both off, snapshots are
 * written at shutdown only. Immutable.
 *
 * @param interval time since the last snapshot after which a changed index is written again
 * @param events   sequence numbers applied since the last snapshot after which it is written again
 */
public record SnapshotPolicy(Duration interval, long events) {
    /** Every 60 seconds if anything changed, or after 100,000 events, whichever comes first. */
    public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(Duration.ofSeconds(60), 100_000);
    /** Snapshots at shutdown only. */
    public static final SnapshotPolicy AT_SHUTDOWN = new SnapshotPolicy(Duration.ZERO, 0);

    public SnapshotPolicy {
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("the snapshot interval must be zero or positive, got " + interval);
        }
        if (events < 0) {
            throw new IllegalArgumentException("the snapshot event count must be zero or positive, got " + events);
        }
    }

    /**
     * Whether a snapshot is due.
     *
     * @param applied      the sequence applied now
     * @param snapshotted  the sequence the last snapshot covers (−1: none)
     * @param baseline     where counting events starts when there is no snapshot (the build's sequence)
     * @param elapsedNanos time since the last snapshot (or since the start)
     */
    public boolean due(long applied, long snapshotted, long baseline, long elapsedNanos) {
        if (applied <= snapshotted) {
            return false;
        }
        long since = snapshotted >= 0 ? snapshotted : baseline;
        return (events > 0 && applied - since >= events)
                || (!interval.isZero() && elapsedNanos >= interval.toNanos());
    }
}
