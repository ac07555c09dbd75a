package io.hyperspatial.manifold.feed;

/** Receives change events from a {@link Subscription}, in sequence order, on the subscription's thread. */
@FunctionalInterface
public interface ChangeListener {
    /** Handles one event; throwing ends the subscription (after {@link #onError}). */
    void onEvent(ChangeEvent event) throws Exception;

    /** Called once if the subscription ends because of an error (including one thrown by {@link #onEvent}). */
    default void onError(Throwable error) {
    }
}
