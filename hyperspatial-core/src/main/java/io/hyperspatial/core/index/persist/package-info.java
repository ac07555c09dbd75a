/**
 * The file container of index snapshots: {@link io.hyperspatial.core.index.persist.SnapshotFile}
 * (header with magic, kind, format version and CRC32C checksums; crash-safe replacement; verified
 * before parsing) and its bulk, little-endian payload streams
 * {@link io.hyperspatial.core.index.persist.SnapshotOutput} and
 * {@link io.hyperspatial.core.index.persist.SnapshotInput}. What a payload holds is defined by
 * each kind's format: {@code index.hnsw.HnswSnapshot} for HNSW indexes, {@code index.maintain.IndexSnapshots}
 * for a collection's entity ordinals.
 */
package io.hyperspatial.core.index.persist;
