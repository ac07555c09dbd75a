package io.hyperspatial.core.positioning;

/**
 * Receives {@link HierarchyEmbedder}'s progress: once per phase start and once after each refinement
 * epoch. Called on the embedding's calling thread, never concurrently.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    void onProgress(Event event);

    /** The stages of an embedding run. */
    enum Phase { CONSTRUCTION, REFINEMENT, DONE }

    /**
     * One progress report.
     *
     * @param phase          the current phase
     * @param epoch          epochs completed in the refinement (0 when it starts)
     * @param epochs         epochs planned
     * @param loss           mean ranking loss per pair over the last epoch (NaN outside refinement)
     * @param elapsedMillis  time since the run started
     */
    record Event(Phase phase, int epoch, int epochs, double loss, long elapsedMillis) {
    }
}
