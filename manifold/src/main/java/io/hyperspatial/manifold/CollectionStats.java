package io.hyperspatial.manifold;

/**
 * A point-in-time summary of a collection. Counts marked "estimated" come from RocksDB's
 * statistics and may be off after many deletes; {@link Collection#read} a count for an exact one.
 *
 * @param open               whether the collection's store is open (false when idle-closed)
 * @param estimatedEntities  estimated number of entities
 * @param lastSequence       the newest visible change-feed sequence
 * @param oldestResumable    the oldest sequence a feed reader can resume after
 * @param schemaRevision     the schema's revision
 * @param diskBytes          bytes of the collection's directory (SST files, WAL, manifest)
 * @param memtableBytes      bytes in memtables (0 when closed)
 */
public record CollectionStats(String name, boolean open, long estimatedEntities, long lastSequence,
                              long oldestResumable, long schemaRevision, long diskBytes, long memtableBytes) {
}
