package io.hyperspatial.core.positioning;

/**
 * Sees the positions while {@link HierarchyEmbedder} trains, after every so many epochs, so that a
 * bench can print a run's trajectory (a sampled evaluation per snapshot). Called on the embedding's
 * calling thread between epochs; the embedding handed over is a copy the caller may keep.
 */
@FunctionalInterface
public interface EpochSnapshots {
    void onSnapshot(int epoch, LorentzEmbedding positions);
}
