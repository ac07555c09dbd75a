package io.hyperspatial.server.ws;

import com.linecorp.armeria.common.websocket.WebSocketCloseStatus;
import com.linecorp.armeria.common.websocket.WebSocketWriter;

import java.time.Duration;

/**
 * Sends text messages over a WebSocket with at most {@code maxPending} of them written but not
 * yet taken by the connection, so that a slow client cannot grow the server's memory. A sender
 * finding the queue full waits up to {@code stallTimeout} for room (bursts from a healthy client
 * pass); a client that leaves it full longer is closed with {@link #OVERFLOW} (1013, try again
 * later) and a reason naming the last sequence the connection took, after which the client
 * resumes. {@link #send} may block and is meant for one producer thread; the rest is thread-safe.
 */
final class BoundedSender {
    /** The close status of a client that fell too far behind. */
    static final WebSocketCloseStatus OVERFLOW = WebSocketCloseStatus.TRY_AGAIN_LATER;

    private final WebSocketWriter out;
    private final int maxPending;
    private final Duration stallTimeout;
    private int pending;
    private long lastTaken;

    /** @param lastTaken the sequence the client already has (where it resumed after) */
    BoundedSender(WebSocketWriter out, int maxPending, Duration stallTimeout, long lastTaken) {
        this.out = out;
        this.maxPending = maxPending;
        this.stallTimeout = stallTimeout;
        this.lastTaken = lastTaken;
    }

    /**
     * Queues {@code text}, the message of {@code sequence}; returns false if the socket is closed,
     * or was closed now because the client let the queue stay full.
     */
    boolean send(long sequence, String text) throws InterruptedException {
        synchronized (this) {
            long deadline = System.nanoTime() + stallTimeout.toNanos();
            while (pending >= maxPending) {
                long left = deadline - System.nanoTime();
                if (!out.isOpen()) {
                    return false;
                }
                if (left <= 0) {
                    out.close(OVERFLOW, "client too slow: " + maxPending + " messages unread; resume with after=" + lastTaken);
                    return false;
                }
                wait(Math.clamp(left / 1_000_000, 1, 100));
            }
            pending++;
        }
        if (!out.tryWrite(text)) {
            return false;
        }
        out.whenConsumed().thenRun(() -> taken(sequence));
        return true;
    }

    private synchronized void taken(long sequence) {
        pending--;
        lastTaken = Math.max(lastTaken, sequence);
        notifyAll();
    }

    /** The sequence of the last message the connection took. */
    synchronized long lastTaken() {
        return lastTaken;
    }
}
