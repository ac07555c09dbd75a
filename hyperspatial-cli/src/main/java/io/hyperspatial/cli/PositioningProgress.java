package io.hyperspatial.cli;

import io.hyperspatial.cli.output.ProgressLine;
import io.hyperspatial.core.positioning.ProgressListener;
import io.hyperspatial.core.positioning.WriteProgress;

import java.io.PrintWriter;

/**
 * The progress of a positioning run on stderr: a line of refinement epochs, finished when the
 * first positions are written, then (if labelled) a line of positions written. Either line may be
 * left out by passing a null label. Not thread-safe; the runs report from one thread.
 */
final class PositioningProgress implements ProgressListener, WriteProgress, AutoCloseable {
    private final PrintWriter err;
    private final ProgressLine epochs;
    private final String writesLabel;
    private ProgressLine writes;

    /**
     * @param epochsLabel label of the epochs line, or null for none
     * @param writesLabel label of the positions-written line, or null for none
     */
    PositioningProgress(PrintWriter err, String epochsLabel, int epochCount, String writesLabel) {
        this.err = err;
        this.epochs = epochsLabel == null ? null : ProgressLine.onStderr(err, epochsLabel, "epochs", epochCount);
        this.writesLabel = writesLabel;
    }

    @Override
    public void onProgress(Event event) {
        if (epochs != null && event.phase() == Phase.REFINEMENT) {
            epochs.update(event.epoch());
        }
    }

    @Override
    public void written(int done, int total) {
        if (epochs != null) {
            epochs.finish();
        }
        if (writesLabel == null) {
            return;
        }
        if (writes == null) {
            writes = ProgressLine.onStderr(err, writesLabel, "entities", total);
        }
        writes.update(done);
    }

    /** Finishes whatever line was started. */
    @Override
    public void close() {
        if (epochs != null) {
            epochs.finish();
        }
        if (writes != null) {
            writes.finish();
        }
    }
}
