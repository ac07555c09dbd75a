package io.hyperspatial.core.index.maintain;

/**
 * The state of one vector field's index.
 *
 * @param m                links per node of the HNSW graph (2m on layer 0), as the index was built
 * @param efConstruction   candidates examined per insert, as the index was built
 * @param efSearch         candidates a search examines unless it gives its own ef (changeable at runtime)
 * @param quantization     {@code none}, {@code int8} or {@code binary}
 * @param memoryBytes      bytes the index holds on the Java heap
 * @param mappedBytes      bytes of vectors it maps from files outside the heap (quantized indexes)
 * @param appliedSequence  the change-feed sequence through which the index is up to date
 * @param backlog          committed change events not yet applied (the feed's last sequence − applied)
 * @param source           whether the index was built or loaded from a snapshot at start
 * @param snapshotSequence the sequence covered by the field's newest snapshot on disk (loaded or
 *                         written since), −1 if it has none
 */
public record FieldIndexStats(String field, String metric, int dimension, int m, int efConstruction, int efSearch,
                              String quantization, int vectors, long memoryBytes,
                              long mappedBytes, long appliedSequence, long backlog, IndexSource source,
                              long snapshotSequence) {
}
