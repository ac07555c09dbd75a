package io.hyperspatial.manifold;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that background work (the maintenance thread, a subscription) makes true,
 * checking every few milliseconds until a deadline, so tests neither sleep longer than needed nor
 * pass by luck of timing.
 */
public final class Poll {
    private static final long STEP_MILLIS = 10;

    private Poll() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} once {@code timeout} has passed. */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
