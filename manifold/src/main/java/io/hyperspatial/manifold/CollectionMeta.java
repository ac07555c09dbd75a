package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaCodec;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.store.StorageErrors;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code meta} family: on-disk format version, schema catalog, and how far the change feed
 * has been trimmed. Read when a collection opens; the format version is checked there.
 */
final class CollectionMeta {
    /**
     * The on-disk format this code writes. Bump on any incompatible change of any table's encoding,
     * and teach {@link FormatMigration} to bring the previous one up. Version 2 (2026-11-21): an
     * entity's properties live in its row of {@code entities}, no longer one row each in
     * {@code properties}.
     */
    static final int FORMAT_VERSION = 2;

    /** The oldest on-disk format this code reads (migrating it when the collection opens). */
    static final int OLDEST_FORMAT_VERSION = 1;

    static final byte[] FORMAT_KEY = "format_version".getBytes(StandardCharsets.UTF_8);
    static final byte[] SCHEMA_KEY = "schema".getBytes(StandardCharsets.UTF_8);
    static final byte[] TRIMMED_KEY = "feed_trimmed_through".getBytes(StandardCharsets.UTF_8);
    static final byte[] NAME_KEY = "collection_name".getBytes(StandardCharsets.UTF_8);
    /** Where {@link Transaction#claim} keys start; no value is ever stored under them. */
    static final byte[] CLAIM_PREFIX = "claim/".getBytes(StandardCharsets.UTF_8);

    private CollectionMeta() {
    }

    /** Writes the meta rows of a new collection (synced). */
    static void initialise(CollectionStore store, String name) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(store.family(ColumnFamilies.META), FORMAT_KEY, int32(FORMAT_VERSION));
            batch.put(store.family(ColumnFamilies.META), NAME_KEY, name.getBytes(StandardCharsets.UTF_8));
            batch.put(store.family(ColumnFamilies.META), SCHEMA_KEY, SchemaCodec.encode(Schema.EMPTY));
            store.db().write(store.writeOptions(Durability.STRICT), batch);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("initialise collection " + name, e);
        }
    }

    /**
     * Checks the format version; throws {@link ErrorCode#INCOMPATIBLE_FORMAT} if this build cannot
     * read it (newer, or older than {@link #OLDEST_FORMAT_VERSION}). An older readable one is
     * migrated by {@link FormatMigration#upgrade} on open.
     */
    static void checkFormat(CollectionStore store) {
        int version = formatVersion(store);
        if (version < OLDEST_FORMAT_VERSION || version > FORMAT_VERSION) {
            throw new StorageException(ErrorCode.INCOMPATIBLE_FORMAT, store.dir() + " has on-disk format " + version
                    + "; this build reads formats " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION);
        }
    }

    /** The stored format version. */
    static int formatVersion(CollectionStore store) {
        byte[] v = get(store, FORMAT_KEY);
        if (v == null) {
            throw new StorageException(ErrorCode.CORRUPTION, store.dir() + " has no format version: not a Hyperspatial collection");
        }
        return Keys.getInt(v, 0);
    }

    static Schema schema(CollectionStore store) {
        byte[] v = get(store, SCHEMA_KEY);
        return v == null ? Schema.EMPTY : SchemaCodec.decode(v);
    }

    /** The name the collection was created with, which its entity ids derive from. */
    static Optional<String> createdName(CollectionStore store) {
        byte[] v = get(store, NAME_KEY);
        return v == null ? Optional.empty() : Optional.of(new String(v, StandardCharsets.UTF_8));
    }

    static long trimmedThrough(CollectionStore store) {
        byte[] v = get(store, TRIMMED_KEY);
        return v == null ? 0 : Keys.getLong(v, 0);
    }

    /** The highest sequence number committed to the change feed (0 for a new collection). */
    static long lastSequence(CollectionStore store) {
        try (RocksIterator it = store.db().newIterator(store.family(ColumnFamilies.CHANGES))) {
            it.seekToLast();
            return it.isValid() ? Keys.getLong(it.key(), 0) : trimmedThrough(store);
        }
    }

    static byte[] int32(int v) {
        byte[] b = new byte[4];
        Keys.putInt(b, 0, v);
        return b;
    }

    static byte[] int64(long v) {
        byte[] b = new byte[8];
        Keys.putLong(b, 0, v);
        return b;
    }

    private static byte[] get(CollectionStore store, byte[] key) {
        try {
            return store.db().get(store.family(ColumnFamilies.META), key);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("read collection meta", e);
        }
    }
}
