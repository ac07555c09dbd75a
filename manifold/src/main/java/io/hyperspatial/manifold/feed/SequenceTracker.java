package io.hyperspatial.manifold.feed;

import java.util.TreeSet;

/**
 * Hands out change-feed sequence numbers and tracks which are still being committed. Commits run
 * concurrently (so RocksDB can group their fsyncs) and may finish out of order; readers only see
 * events up to {@link #visible()}, the highest sequence below which nothing is still in flight,
 * so they never skip an event that commits late. Thread-safe.
 */
public final class SequenceTracker {
    private long next;
    private long visible;
    private final TreeSet<Long> inFlight = new TreeSet<>();

    /** Starts after {@code lastCommitted}, the highest sequence found on disk. */
    public SequenceTracker(long lastCommitted) {
        this.next = lastCommitted;
        this.visible = lastCommitted;
    }

    /** Reserves the next sequence number for a commit about to happen. */
    public synchronized long begin() {
        long s = ++next;
        inFlight.add(s);
        return s;
    }

    /** The commit of {@code sequence} finished (or failed, leaving a gap). */
    public synchronized void end(long sequence) {
        inFlight.remove(sequence);
        visible = inFlight.isEmpty() ? next : inFlight.first() - 1;
        notifyAll();
    }

    /** The last sequence number handed out by {@link #begin()} (committed, failed or in flight). */
    public synchronized long lastBegun() {
        return next;
    }

    /** Whether no commit is in flight: every sequence handed out has committed or failed. */
    public synchronized boolean idle() {
        return inFlight.isEmpty();
    }

    /** Every event with a sequence at most this has committed or failed. */
    public synchronized long visible() {
        return visible;
    }

    /** Waits until {@link #visible()} exceeds {@code sequence} or the timeout passes; returns whether it did. */
    public synchronized boolean awaitBeyond(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (visible <= sequence) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
