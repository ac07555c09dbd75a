package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.VectorIndex;
import io.hyperspatial.core.index.maintain.IndexSnapshotCodec.StoredIndex;
import io.hyperspatial.core.index.persist.SnapshotFile;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.FeedTruncatedException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFeed;
import io.hyperspatial.manifold.store.Directories;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The snapshot files of one collection's indexes, in one directory
 * ({@code DIR/indexes/COLLECTION/}): {@code ordinals.bin}, the {@link EntityOrdinals} shared by
 * all its fields, and one {@code FIELD.EXT} per dense vector field (e.g. {@code vec.hnsw}), each
 * recording the change-feed sequence it covers.
 *
 * <p><b>Consistency between the files.</b> Entity ids only grow, so any later copy of the
 * ordinals holds every id an earlier index snapshot uses. {@link #write} therefore writes the
 * ordinals first, then each field; a crash in between leaves newer ordinals beside older field
 * files, which is fine. A field snapshot is used only if every id it holds is below the ordinals'
 * count. The ordinals file also keeps a mark of the newest change event the indexes had seen (its
 * sequence and commit time); on load that event must still be in the collection's feed with the
 * same time, which tells a snapshot of this collection from one of a collection that was dropped
 * and re-created, or restored from a backup, under the same name.
 *
 * <p><b>Loading.</b> {@link #load} takes each field's snapshot that is intact, of a compatible
 * configuration, not ahead of the feed, and still resumable (the feed has kept every event after
 * its sequence), and logs for every other field why its index will be rebuilt.
 *
 * <p>Not thread-safe: its indexer serialises calls.
 */
public final class IndexSnapshots {
    private static final Logger LOG = Logger.getLogger(IndexSnapshots.class.getName());
    static final String ORDINALS_KIND = "ORDS";
    /** Format of {@code ordinals.bin}: sequence, event mark (sequence, time), then the ordinals. */
    static final int ORDINALS_VERSION = 1;
    static final String ORDINALS_FILE = "ordinals.bin";

    private final Path dir;
    private final String collection;
    private final IndexSnapshotCodec codec;

    /**
     * @param dir        the collection's snapshot directory (created on first write)
     * @param collection the collection's name, for log lines
     */
    public IndexSnapshots(Path dir, String collection, IndexSnapshotCodec codec) {
        this.dir = dir;
        this.collection = collection;
        this.codec = codec;
    }

    /** {@code ROOT/indexes}: where a database keeps its index snapshots, a directory per collection. */
    public static Path root(Path databaseRoot) {
        return databaseRoot.resolve("indexes");
    }

    /** The directory of a collection's snapshots under a database root: {@code ROOT/indexes/COLLECTION}. */
    public static Path directory(Path databaseRoot, String collection) {
        return root(databaseRoot).resolve(collection);
    }

    public Path dir() {
        return dir;
    }

    /** The snapshot file of a field. */
    public Path fieldFile(String field) {
        return dir.resolve(field + "." + codec.extension());
    }

    /** The newest change event the indexes reflected when a snapshot was written; sequence 0 if unknown. */
    public record FeedMark(long sequence, long timeMillis) {
        public static final FeedMark NONE = new FeedMark(0, 0);

        /** The mark of an event. */
        public static FeedMark of(ChangeEvent event) {
            return new FeedMark(event.sequence(), event.timeMillis());
        }
    }

    /**
     * What {@link #load} could use.
     *
     * @param ordinals the stored ordinals, or new empty ones if none could be used
     * @param fields   the fields whose snapshots were loaded (the others must be built)
     * @param mark     the stored mark, or {@link FeedMark#NONE}
     */
    public record Restored(EntityOrdinals ordinals, Map<String, StoredIndex> fields, FeedMark mark) {
        static Restored none() {
            return new Restored(new EntityOrdinals(), Map.of(), FeedMark.NONE);
        }
    }

    /** Loads what can be loaded for {@code fields} (name → configured index), checked against {@code feed}. */
    public Restored load(ChangeFeed feed, Map<String, IndexConfig> fields) {
        if (fields.isEmpty()) {
            return Restored.none();
        }
        Path ordinalsFile = dir.resolve(ORDINALS_FILE);
        if (!Files.exists(ordinalsFile)) {
            LOG.info(() -> "collection '" + collection + "': no index snapshot in " + dir + "; building " + fields.keySet());
            return Restored.none();
        }
        StoredOrdinals stored;
        try {
            stored = SnapshotFile.read(ordinalsFile, ORDINALS_KIND, ORDINALS_VERSION, in ->
                    new StoredOrdinals(in.readLong(), new FeedMark(in.readLong(), in.readLong()), EntityOrdinals.readFrom(in)));
        } catch (StorageException e) {
            LOG.warning("collection '" + collection + "': rebuilding indexes " + fields.keySet() + ": " + e.getMessage());
            return Restored.none();
        }
        String foreign = checkMark(feed, stored.mark());
        if (foreign != null) {
            LOG.warning("collection '" + collection + "': rebuilding indexes " + fields.keySet() + ": " + foreign);
            return Restored.none();
        }
        Map<String, StoredIndex> loaded = new HashMap<>();
        fields.forEach((field, config) -> {
            StoredIndex index = loadField(feed, field, config, stored.ordinals());
            if (index != null) {
                loaded.put(field, index);
            }
        });
        return new Restored(stored.ordinals(), loaded, stored.mark());
    }

    private StoredIndex loadField(ChangeFeed feed, String field, IndexConfig config, EntityOrdinals ordinals) {
        Path file = fieldFile(field);
        String prefix = "collection '" + collection + "' field '" + field + "': ";
        if (!Files.exists(file)) {
            LOG.info(() -> prefix + "no index snapshot (" + file.getFileName() + "); building");
            return null;
        }
        long started = System.nanoTime();
        StoredIndex index;
        try {
            index = codec.read(file, config);
        } catch (StorageException e) {
            LOG.warning(prefix + "rebuilding the index: " + e.getMessage());
            return null;
        }
        String unusable = unusable(feed, index, ordinals);
        if (unusable != null) {
            LOG.warning(prefix + "rebuilding the index: snapshot " + file + " " + unusable);
            index.index().close();
            return null;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> prefix + "loaded index snapshot of " + index.index().size() + " vectors covering sequence "
                + index.sequence() + " in " + millis + " ms; replaying the change feed after it");
        return index;
    }

    /** Why a readable field snapshot cannot serve, or null. */
    private static String unusable(ChangeFeed feed, StoredIndex index, EntityOrdinals ordinals) {
        long last = feed.lastSequence();
        if (index.sequence() > last) {
            return "covers sequence " + index.sequence() + " but the collection's change feed ends at " + last;
        }
        long oldest = feed.oldestResumable();
        if (index.sequence() < oldest) {
            return "covers sequence " + index.sequence() + " but the change feed was trimmed through " + oldest
                    + " (retention); the events after the snapshot are gone";
        }
        if (index.idBound() > ordinals.size()) {
            return "holds entity ids up to " + (index.idBound() - 1) + " but " + ORDINALS_FILE + " has only "
                    + ordinals.size();
        }
        return null;
    }

    /** Why the stored mark shows another collection's history, or null if it matches or cannot be checked. */
    private static String checkMark(ChangeFeed feed, FeedMark mark) {
        if (mark.sequence() <= 0) {
            return null;
        }
        long last = feed.lastSequence();
        if (mark.sequence() > last) {
            return "the snapshots reflect change event " + mark.sequence() + " but the collection's feed ends at " + last
                    + " (was the collection re-created or restored from a backup?)";
        }
        if (mark.sequence() <= feed.oldestResumable()) {
            return null;
        }
        List<ChangeEvent> events;
        try {
            events = feed.read(mark.sequence() - 1, mark.sequence(), 1);
        } catch (FeedTruncatedException e) {
            return null;
        }
        if (events.isEmpty() || events.getFirst().timeMillis() != mark.timeMillis()) {
            return "change event " + mark.sequence() + " of the collection is not the one the snapshots reflect"
                    + " (was the collection re-created or restored from a backup?)";
        }
        return null;
    }

    /**
     * Writes the ordinals, then every field's index, all covering {@code sequence}; removes
     * snapshot files of fields no longer indexed. The caller holds off changes to the indexes
     * and ordinals meanwhile. Returns the bytes written.
     */
    public long write(long sequence, FeedMark mark, EntityOrdinals ordinals, Map<String, VectorIndex> indexes) {
        long bytes = SnapshotFile.write(dir.resolve(ORDINALS_FILE), ORDINALS_KIND, ORDINALS_VERSION, out -> {
            out.writeLong(sequence);
            out.writeLong(mark.sequence());
            out.writeLong(mark.timeMillis());
            ordinals.writeTo(out);
        });
        for (Map.Entry<String, VectorIndex> e : indexes.entrySet()) {
            bytes += codec.write(e.getValue(), sequence, fieldFile(e.getKey()));
        }
        removeStale(indexes.keySet());
        return bytes;
    }

    private void removeStale(Set<String> fields) {
        String suffix = "." + codec.extension();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!fields.contains(name.substring(0, name.length() - suffix.length()))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCode.STORAGE_IO, "cannot list snapshots in " + dir + ": " + e, e);
        }
    }

    /** Deletes every snapshot of the collection. */
    public void delete() {
        Directories.deleteRecursively(dir);
    }

    private record StoredOrdinals(long sequence, FeedMark mark, EntityOrdinals ordinals) {
    }
}
