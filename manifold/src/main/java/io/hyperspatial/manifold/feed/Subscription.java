package io.hyperspatial.manifold.feed;

import java.time.Duration;
import java.util.List;

/**
 * Delivers a collection's change events to a {@link ChangeListener} on its own virtual thread,
 * starting after a given sequence number and following new commits as they become visible.
 * Closing stops delivery (waiting for an event being handled to finish). Thread-safe.
 */
public final class Subscription implements AutoCloseable {
    private static final int BATCH = 512;
    private static final Duration POLL = Duration.ofMillis(500);

    private final ChangeFeed feed;
    private final ChangeListener listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long delivered;

    Subscription(ChangeFeed feed, long after, ChangeListener listener, String name) {
        this.feed = feed;
        this.listener = listener;
        this.delivered = after;
        this.thread = Thread.ofVirtual().name(name).start(this::run);
    }

    private void run() {
        try {
            while (!closed) {
                long upTo = feed.lastSequence();
                List<ChangeEvent> batch = feed.read(delivered, upTo, BATCH);
                for (ChangeEvent e : batch) {
                    if (closed) {
                        return;
                    }
                    listener.onEvent(e);
                    advance(e.sequence());
                }
                if (batch.size() < BATCH) {
                    advance(upTo);
                    feed.await(delivered, POLL);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!closed) {
                listener.onError(t);
            }
        }
    }

    private synchronized void advance(long sequence) {
        if (sequence > delivered) {
            delivered = sequence;
            notifyAll();
        }
    }

    /**
     * Waits until every event through {@code sequence} has been handled, the subscription ends,
     * or the timeout passes; returns whether they were handled.
     */
    public synchronized boolean awaitDelivered(long sequence, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (delivered < sequence && thread.isAlive()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(Math.min(left, 100));
        }
        return delivered >= sequence;
    }

    /** The sequence number through which events have been handled; resume from it after a restart. */
    public long lastDelivered() {
        return delivered;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
