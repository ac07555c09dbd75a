package io.hyperspatial.server.operation;

import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.Repositioning;
import io.hyperspatial.core.positioning.WriteProgress;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * One re-positioning of a collection run in the background by {@link PositioningJobs}: what was
 * asked, how far it got, and how it ended. Its progress fields are written by the job's thread
 * and read by anyone; each read sees a recent value. Cancelling is honoured between epochs and
 * between write batches (each batch of positions is committed whole).
 */
public final class PositioningJob implements ProgressListener, WriteProgress {
    /** Where a job is. */
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final UUID id = UUID.randomUUID();
    private final String collection;
    private final Repositioning request;
    private final Instant submitted = Instant.now();
    private volatile State state = State.QUEUED;
    private volatile String phase = "queued";
    private volatile int epoch;
    private volatile int epochs;
    private volatile int written;
    private volatile int total;
    private volatile Instant finished;
    private volatile Repositioning.Outcome outcome;
    private volatile String errorCode;
    private volatile String errorMessage;
    private volatile boolean cancelRequested;

    PositioningJob(String collection, Repositioning request) {
        this.collection = collection;
        this.request = request;
    }

    @Override
    public void onProgress(Event event) {
        checkCancelled();
        phase = event.phase() == Phase.DONE ? "writing" : event.phase().name().toLowerCase(java.util.Locale.ROOT);
        epoch = event.epoch();
        epochs = event.epochs();
    }

    @Override
    public void written(int done, int all) {
        checkCancelled();
        phase = "writing";
        written = done;
        total = all;
    }

    private void checkCancelled() {
        if (cancelRequested) {
            throw new CancellationException("cancelled");
        }
    }

    void running() {
        state = State.RUNNING;
        phase = "reading";
    }

    void succeeded(Repositioning.Outcome result) {
        outcome = result;
        phase = "done";
        finish(State.SUCCEEDED);
    }

    void failed(String code, String message) {
        errorCode = code;
        errorMessage = message;
        finish(State.FAILED);
    }

    void cancelled() {
        finish(State.CANCELLED);
    }

    private void finish(State end) {
        finished = Instant.now();
        state = end;
    }

    /** Asks the job to stop at its next epoch or batch; returns whether it had not ended yet. */
    boolean cancel() {
        cancelRequested = true;
        return !ended();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    public boolean ended() {
        State s = state;
        return s == State.SUCCEEDED || s == State.FAILED || s == State.CANCELLED;
    }

    public UUID id() {
        return id;
    }

    public String collection() {
        return collection;
    }

    public Repositioning request() {
        return request;
    }

    public Instant submitted() {
        return submitted;
    }

    public State state() {
        return state;
    }

    /** queued, reading, construction, refinement, writing, done. */
    public String phase() {
        return phase;
    }

    public int epoch() {
        return epoch;
    }

    public int epochs() {
        return epochs;
    }

    public int written() {
        return written;
    }

    public int total() {
        return total;
    }

    /** When it ended; null while it has not. */
    public Instant finished() {
        return finished;
    }

    /** What it did; null unless it succeeded. */
    public Repositioning.Outcome outcome() {
        return outcome;
    }

    /** The error's stable code; null unless it failed. */
    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
