package io.hyperspatial.core.positioning;

/** Told how many computed positions are written so far, after each batch of a positioning run. */
@FunctionalInterface
public interface WriteProgress {
    /** A listener that ignores everything. */
    WriteProgress NONE = (done, total) -> { };

    void written(int done, int total);
}
