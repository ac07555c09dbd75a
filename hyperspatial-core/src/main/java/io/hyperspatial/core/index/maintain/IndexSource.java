package io.hyperspatial.core.index.maintain;

/** How a field's index came to be when its indexer started. */
public enum IndexSource {
    /** Built from the collection's stored vectors (no usable snapshot, or none configured). */
    BUILT,
    /** Loaded from a snapshot, then brought up to date by replaying the change feed after it. */
    LOADED
}
