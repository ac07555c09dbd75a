package io.hyperspatial.manifold.error;

/**
 * A change-feed reader asked to resume from a sequence number whose events were already removed
 * by retention. The reader must rebuild its state from a full scan and resume from
 * {@link #oldestAvailable()}.
 */
public final class FeedTruncatedException extends ManifoldException {
    private static final long serialVersionUID = 1L;

    private final long oldestAvailable;

    public FeedTruncatedException(long requestedAfter, long oldestAvailable) {
        super(ErrorCode.FEED_TRUNCATED, null,
                "change feed no longer holds events after sequence " + requestedAfter
                        + "; the oldest retained event is " + oldestAvailable, null);
        this.oldestAvailable = oldestAvailable;
    }

    public long oldestAvailable() {
        return oldestAvailable;
    }
}
