package io.hyperspatial.core.index.maintain;

import io.hyperspatial.core.index.BruteForceIndex;
import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.SearchHit;
import io.hyperspatial.core.index.SearchRequest;
import io.hyperspatial.core.index.VectorIndex;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.FeedTruncatedException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.error.StorageException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeListener;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.feed.Subscription;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.VectorIndexSettings;
import io.hyperspatial.manifold.table.PositionKind;
import org.roaringbitmap.RoaringBitmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the vector indexes of one collection (one per dense vector field and one per declared
 * position space, see {@link IndexedField}) in step with its change feed: persistence first, index second. Writes are acknowledged when committed; this
 * indexer applies them in the background in sequence order, reading each changed entity's
 * current vectors, so replays converge. The backlog is visible in {@link #stats()} and a search
 * can wait for a sequence with {@link #awaitApplied}. Having applied the last event committed so
 * far, it lets every index {@link VectorIndex#settle settle} before that event counts as applied.
 *
 * <p><b>Snapshots.</b> Started with {@link IndexSnapshots}, the indexer loads each field's
 * snapshot that can serve (see there) instead of building, and follows the feed from the lowest
 * sequence a loaded snapshot covers (or the build's, if lower). Replaying an event that an index
 * already reflects re-reads the entity's current vectors and stores the same state again, so
 * starting early is harmless. {@link #snapshot} writes new snapshots; it holds the lock under
 * which events are applied, so the files hold whole events only, and records the sequence through
 * which the subscription had delivered every event (events after it may be in the files too,
 * and are replayed). While it writes, events wait and searches go on. {@link #close} writes a
 * last snapshot if anything changed; {@link #snapshotIfDue} is the periodic trigger.
 *
 * <p>Thread-safe.
 */
public final class CollectionIndexer implements AutoCloseable {
    /** How long a change of index settings waits for the indexer to take it ({@link #awaitSettingsChange}). */
    public static final Duration SETTINGS_CHANGE_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(CollectionIndexer.class.getName());
    private static final int BUILD_CHUNK = 16_384;
    /** The smallest k a radius search starts its k-NN rounds with. */
    static final int RADIUS_START = 16;
    /** A radius search whose k would pass 1/n of the index scores every point exactly instead. */
    static final int RADIUS_EXACT_SHARE = 4;
    /** A failed periodic snapshot (a full disk, say) is not tried again sooner than this. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final Collection collection;
    private final IndexFactory factory;
    private final Function<VectorField, IndexConfig> configs;
    private final IndexSnapshots snapshots;
    private final SnapshotPolicy policy;
    private final EntityOrdinals ordinals;
    private final Map<String, FieldIndex> indexes = new ConcurrentHashMap<>();
    /** Held while an event is applied and while snapshots are written. */
    private final ReentrantLock applying = new ReentrantLock();
    private final Subscription subscription;
    private final long startSequence;
    /** The newest event applied (or known at start); guarded by {@link #applying}. */
    private IndexSnapshots.FeedMark lastEvent;
    private volatile long snapshotNanos = System.nanoTime();
    private volatile long failedNanos = System.nanoTime() - RETRY_AFTER_FAILURE.toNanos();
    private volatile Throwable failure;

    /** A field's index, how it started, and the sequence its newest snapshot covers (−1: none). */
    private static final class FieldIndex {
        final IndexedField field;
        final VectorIndex index;
        final IndexSource source;
        volatile long snapshotSequence;

        FieldIndex(IndexedField field, VectorIndex index, IndexSource source, long snapshotSequence) {
            this.field = field;
            this.index = index;
            this.source = source;
            this.snapshotSequence = snapshotSequence;
        }
    }

    private CollectionIndexer(Collection collection, IndexFactory factory, Function<VectorField, IndexConfig> configs,
                              IndexSnapshots snapshots, SnapshotPolicy policy) {
        this.collection = collection;
        this.factory = factory;
        this.configs = configs;
        this.snapshots = snapshots;
        this.policy = policy;
        long resume;
        try (ReadView view = collection.snapshot()) {
            Map<String, IndexedField> fields = IndexedField.of(view.schema());
            IndexSnapshots.Restored restored = snapshots == null ? IndexSnapshots.Restored.none()
                    : snapshots.load(collection.changes(), configsOf(fields));
            this.ordinals = restored.ordinals();
            resume = view.sequence();
            for (IndexedField f : fields.values()) {
                IndexSnapshotCodec.StoredIndex stored = restored.fields().get(f.name());
                if (stored != null) {
                    indexes.put(f.name(), new FieldIndex(f, stored.index(), IndexSource.LOADED, stored.sequence()));
                    resume = Math.min(resume, stored.sequence());
                } else {
                    indexes.put(f.name(), build(view, f));
                }
            }
            this.lastEvent = restored.fields().isEmpty() ? markAt(view.sequence()) : restored.mark();
        }
        Subscription subscribed;
        try {
            subscribed = subscribe(resume);
        } catch (FeedTruncatedException e) {
            resume = rebuildAll(e);
            subscribed = subscribe(resume);
        }
        this.startSequence = resume;
        this.subscription = subscribed;
    }

    private Subscription subscribe(long after) {
        return collection.changes().subscribe(after, new ChangeListener() {
            @Override
            public void onEvent(ChangeEvent event) {
                apply(event);
            }

            @Override
            public void onError(Throwable error) {
                failure = error;
                LOG.log(Level.SEVERE, "indexing of collection '" + collection.name() + "' stopped", error);
            }
        });
    }

    /**
     * Retention trimmed the feed past where a loaded snapshot resumes, between the check and the
     * subscription (a narrow race): builds every field from a new view; returns its sequence.
     */
    private long rebuildAll(FeedTruncatedException cause) {
        LOG.warning("collection '" + collection.name() + "': rebuilding indexes " + indexes.keySet() + ": "
                + cause.getMessage());
        try (ReadView view = collection.snapshot()) {
            indexes.values().forEach(field -> field.index.close());
            indexes.clear();
            IndexedField.of(view.schema()).forEach((name, field) -> indexes.put(name, build(view, field)));
            lastEvent = markAt(view.sequence());
            return view.sequence();
        }
    }

    /**
     * Builds the indexes of every dense vector field and declared position space from a snapshot of the collection, then
     * follows its change feed from that snapshot's sequence. Nothing is written to disk.
     *
     * @param configs the index configuration of a field (metric and dimension come from the field)
     */
    public static CollectionIndexer start(Collection collection, IndexFactory factory,
                                          Function<VectorField, IndexConfig> configs) {
        return new CollectionIndexer(collection, factory, configs, null, SnapshotPolicy.AT_SHUTDOWN);
    }

    /**
     * Loads the indexes of every dense vector field from {@code snapshots} where they can serve,
     * builds the others from a snapshot of the collection, then follows its change feed. Index
     * snapshots are written by {@link #close}, {@link #snapshot}, and {@link #snapshotIfDue} as
     * {@code policy} says.
     */
    public static CollectionIndexer start(Collection collection, IndexFactory factory,
                                          Function<VectorField, IndexConfig> configs,
                                          IndexSnapshots snapshots, SnapshotPolicy policy) {
        return new CollectionIndexer(collection, factory, configs, snapshots, policy);
    }

    /**
     * The configuration a field declares: its metric, dimension and curvature, and its
     * {@link VectorField#index() index settings} (m 16, ef_construction 200, ef_search 64, no
     * quantization unless the schema says otherwise).
     */
    public static IndexConfig defaultConfig(VectorField field) {
        VectorIndexSettings s = field.index();
        return new IndexConfig(field.metric(), field.dimension(), s.m(), s.efConstruction(), s.efSearch(),
                Quantization.of(s.quantization()), field.curvature());
    }

    /** A new index of a field holding its stored points, added in chunks, each on all cores. */
    private FieldIndex build(ReadView view, IndexedField field) {
        VectorIndex index = factory.create(configs.apply(field.field()));
        int threads = Runtime.getRuntime().availableProcessors();
        List<float[]> vectors = new ArrayList<>(BUILD_CHUNK);
        int[] ids = new int[BUILD_CHUNK];
        field.forEach(view, (entity, vector) -> {
            ids[vectors.size()] = ordinals.idOf(entity);
            vectors.add(vector);
            if (vectors.size() == BUILD_CHUNK) {
                index.addAll(ids, vectors.toArray(float[][]::new), threads);
                vectors.clear();
            }
        });
        if (!vectors.isEmpty()) {
            index.addAll(Arrays.copyOf(ids, vectors.size()), vectors.toArray(float[][]::new), threads);
        }
        return new FieldIndex(field, index, IndexSource.BUILT, -1);
    }

    private Map<String, IndexConfig> configsOf(Map<String, IndexedField> fields) {
        Map<String, IndexConfig> out = new TreeMap<>();
        fields.forEach((name, f) -> out.put(name, configs.apply(f.field())));
        return out;
    }

    /**
     * Starts an empty index for every field the schema gained (a field declared after its data
     * was written — only positions can be: a space may be declared over stored positions — is
     * built from the view), and follows changed index settings: a new ef_search is set on the
     * live index; a new m, ef_construction or quantization builds the field's index again from
     * the view. Searches use the old index until the new one replaces it; the old one is then
     * closed, and a search that was still running on it starts again on the new one
     * ({@link #searchCurrent}). Events wait while it builds (the backlog shows it).
     */
    private void reconcileFields(ReadView view) {
        IndexedField.of(view.schema()).forEach((name, field) -> {
            FieldIndex current = indexes.get(name);
            if (current == null) {
                indexes.put(name, build(view, field));
            } else if (!current.field.field().equals(field.field())) {
                IndexConfig wanted = configs.apply(field.field());
                if (wanted.sameGraph(current.index.config())) {
                    current.index.setEfSearch(wanted.efSearch());
                    indexes.put(name, new FieldIndex(field, current.index, current.source, current.snapshotSequence));
                } else {
                    LOG.info(() -> "collection '" + collection.name() + "' field '" + name + "': index settings changed ("
                            + current.index.config() + " -> " + wanted + "); building the index again");
                    indexes.put(name, build(view, field));
                    current.index.close();
                }
            }
        });
    }

    /** The mark of the event at {@code sequence}, if the feed still has it. */
    private IndexSnapshots.FeedMark markAt(long sequence) {
        if (sequence <= collection.changes().oldestResumable()) {
            return IndexSnapshots.FeedMark.NONE;
        }
        List<ChangeEvent> events = collection.changes().read(sequence - 1, sequence, 1);
        return events.isEmpty() ? IndexSnapshots.FeedMark.NONE : IndexSnapshots.FeedMark.of(events.getFirst());
    }

    private void apply(ChangeEvent event) {
        applying.lock();
        try {
            applyLocked(event);
            lastEvent = IndexSnapshots.FeedMark.of(event);
            if (event.sequence() >= collection.changes().lastSequence()) {
                indexes.values().forEach(f -> f.index.settle());
            }
        } finally {
            applying.unlock();
        }
    }

    private void applyLocked(ChangeEvent event) {
        List<EntityChange> relevant = new ArrayList<>();
        for (EntityChange c : event.changes()) {
            for (FieldIndex f : indexes.values()) {
                if (f.field.touchedBy(c)) {
                    relevant.add(c);
                    break;
                }
            }
        }
        if (relevant.isEmpty() && event.schemaRevision() == 0) {
            return;
        }
        try (ReadView view = collection.snapshot()) {
            if (event.schemaRevision() > 0) {
                reconcileFields(view);
            }
            for (EntityChange c : relevant) {
                for (FieldIndex f : indexes.values()) {
                    if (!f.field.touchedBy(c)) {
                        continue;
                    }
                    Optional<float[]> point = f.field.read(view, c.id());
                    if (point.isPresent()) {
                        addOrLog(f.field.name(), f.index, c.id(), point.get());
                    } else {
                        int id = ordinals.find(c.id());
                        if (id >= 0) {
                            f.index.remove(id);
                        }
                    }
                }
            }
        }
    }

    /** A stored vector the index rejects (e.g. a curvature the field's metric check did not know) is skipped, not fatal. */
    private void addOrLog(String field, VectorIndex index, UUID entity, float[] vector) {
        try {
            index.add(ordinals.idOf(entity), vector);
        } catch (SchemaViolationException | IllegalArgumentException e) {
            LOG.warning("vector of entity " + entity + " in field '" + field + "' not indexed: " + e.getMessage());
        }
    }

    /**
     * The k entities nearest to {@code query} in a field, nearest first. In a position index the
     * query is a Poincaré point, and the hits are re-ranked by their float64 positions.
     *
     * @param allowed when not null, only these entities may be returned
     */
    public List<EntityHit> search(String field, float[] query, int k, int ef, Set<UUID> allowed) {
        return search(field, query, null, k, ef, allowed);
    }

    /**
     * As {@link #search(String, float[], int, int, Set)}, with the query also in double precision
     * ({@code precise}, may be null): a position index then re-ranks against that point rather
     * than the float32 one, which far out in the ball lies measurably elsewhere.
     */
    public List<EntityHit> search(String field, float[] query, double[] precise, int k, int ef, Set<UUID> allowed) {
        checkRunning();
        FieldIndex f = fieldIndex(field);
        IndexedField.FieldQuery q = f.field.query(query, precise);
        return refined(f, q, candidates(f, q.indexed(), k, ef, allowed), k);
    }

    /**
     * The k entities nearest to an entity's own point in a field (the entity itself first among
     * them), as {@link #search} finds them; for positions the query is the entity's float64
     * position. Empty if the entity has no point in the field.
     */
    public Optional<List<EntityHit>> searchLike(String field, UUID entity, int k, int ef, Set<UUID> allowed) {
        checkRunning();
        FieldIndex f = fieldIndex(field);
        try (ReadView view = collection.snapshot()) {
            return f.field.queryOf(view, entity)
                    .map(q -> f.field.refine(view, q, candidates(f, q.indexed(), k, ef, allowed), k));
        }
    }

    private List<EntityHit> candidates(FieldIndex f, float[] query, int k, int ef, Set<UUID> allowed) {
        int n = f.field.candidates(k, ef > 0 ? ef : f.index.config().efSearch());
        SearchRequest request = new SearchRequest(query, n, n == k ? ef : n, allowed == null ? null : bitmap(allowed));
        List<EntityHit> hits = new ArrayList<>();
        for (SearchHit h : searchCurrent(f, request)) {
            hits.add(new EntityHit(ordinals.entity(h.id()), h.distance()));
        }
        return hits;
    }

    /**
     * Searches the field's index; if that index was replaced (its settings changed) and closed
     * while this search ran on it, which a quantized index reports as {@link IllegalStateException},
     * searches the index that replaced it (again, should that one be replaced meanwhile too).
     */
    private List<SearchHit> searchCurrent(FieldIndex f, SearchRequest request) {
        VectorIndex index = f.index;
        while (true) {
            try {
                return index.search(request);
            } catch (IllegalStateException e) {
                FieldIndex now = indexes.get(f.field.name());
                if (now == null || now.index == index) {
                    throw e;
                }
                index = now.index;
            }
        }
    }

    /**
     * The entities within {@code radius} of {@code query} in a field (distance ≤ radius as the
     * index reports it: float32, for positions the float64 re-rank), nearest first, at most
     * {@code limit} of them ({@link Integer#MAX_VALUE}: all). On the approximate index this is
     * repeated k-NN: k starts at {@code max(limit, }{@value #RADIUS_START}{@code )} (16 without a
     * limit) and doubles while the k-th hit is still within the radius; once k would pass
     * 1/{@value #RADIUS_EXACT_SHARE} of the index, every point is scored exactly instead. So the
     * result holds every point within the radius that a k-NN search of that k finds (complete up
     * to the index's recall), and is exact when the radius covers more than a quarter of the index.
     *
     * @param allowed when not null, only these entities may be returned
     */
    public List<EntityHit> searchWithin(String field, float[] query, double radius, int limit, Set<UUID> allowed) {
        return searchWithin(field, query, null, radius, limit, allowed);
    }

    /** As {@link #searchWithin(String, float[], double, int, Set)}, with the query also in double precision (may be null; see {@link #search(String, float[], double[], int, int, Set)}). */
    public List<EntityHit> searchWithin(String field, float[] query, double[] precise, double radius, int limit,
                                        Set<UUID> allowed) {
        checkRunning();
        if (!(radius >= 0) || limit < 1) {
            throw new IllegalArgumentException("radius must be non-negative and limit positive, got " + radius + ", " + limit);
        }
        FieldIndex f = fieldIndex(field);
        int size = f.index.size();
        long k = limit == Integer.MAX_VALUE ? RADIUS_START : Math.max(limit, RADIUS_START);
        while (size > 0 && k * RADIUS_EXACT_SHARE <= size) {
            List<EntityHit> hits = search(field, query, precise, (int) k, 0, allowed);
            List<EntityHit> within = within(hits, radius, limit);
            if (within.size() == limit || within.size() < hits.size() || hits.size() < k) {
                return within;
            }
            k *= 2;
        }
        return size == 0 ? List.of() : exactWithin(f, f.field.query(query, precise), radius, limit, allowed);
    }

    /** Every point of the field scored exactly (a brute-force pass over a snapshot), those within the radius kept. */
    private List<EntityHit> exactWithin(FieldIndex f, IndexedField.FieldQuery q, double radius, int limit,
                                        Set<UUID> allowed) {
        try (ReadView view = collection.snapshot()) {
            BruteForceIndex all = new BruteForceIndex(f.index.config());
            f.field.forEach(view, (entity, vector) -> {
                if (allowed == null || allowed.contains(entity)) {
                    addOrLog(f.field.name(), all, entity, vector);
                }
            });
            if (all.size() == 0) {
                return List.of();
            }
            List<EntityHit> hits = new ArrayList<>();
            for (SearchHit h : all.search(SearchRequest.of(q.indexed(), all.size()))) {
                hits.add(new EntityHit(ordinals.entity(h.id()), h.distance()));
            }
            return within(f.field.refine(view, q, hits, hits.size()), radius, limit);
        }
    }

    /** The leading hits (nearest first) within the radius, at most {@code limit}. */
    private static List<EntityHit> within(List<EntityHit> hits, double radius, int limit) {
        int n = 0;
        while (n < hits.size() && n < limit && hits.get(n).distance() <= radius) {
            n++;
        }
        return hits.subList(0, n);
    }

    /** The field's refinement of a search's candidates; a snapshot is opened only for a float64 re-rank. */
    private List<EntityHit> refined(FieldIndex f, IndexedField.FieldQuery query, List<EntityHit> candidates, int k) {
        if (query.exact() == null) {
            return f.field.refine(null, query, candidates, k);
        }
        try (ReadView view = collection.snapshot()) {
            return f.field.refine(view, query, candidates, k);
        }
    }

    private RoaringBitmap bitmap(Set<UUID> allowed) {
        RoaringBitmap b = new RoaringBitmap();
        for (UUID u : allowed) {
            int id = ordinals.find(u);
            if (id >= 0) {
                b.add(id);
            }
        }
        return b;
    }

    /**
     * The index of a dense vector field, or of a declared position space by
     * {@link #positionIndexName its name}. A position index holds each position's float32
     * hyperboloid coordinates (Lorentz metric, the space's dimension + 1); searching it directly
     * skips the float64 re-rank that {@link #search} does.
     */
    public VectorIndex index(String field) {
        return fieldIndex(field).index;
    }

    private FieldIndex fieldIndex(String field) {
        FieldIndex index = indexes.get(field);
        if (index == null) {
            if (isPositionIndex(field)) {
                throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, field, "no position space '"
                        + field.substring(IndexedField.POSITION_PREFIX.length()) + "' is declared in collection '"
                        + collection.name() + "'");
            }
            VectorField f = collection.schema().vectorField(field);
            throw new SchemaViolationException(ErrorCode.TYPE_MISMATCH, field, "vector field '" + field + "' is "
                    + f.kind().name().toLowerCase() + "; only dense fields are indexed");
        }
        return index;
    }

    /**
     * What a query vector of an index must be: its dense vector field, or for a position index a
     * Poincaré field of the space's dimension and curvature (the index itself holds hyperboloid
     * points, see {@link #index}).
     *
     * @throws SchemaViolationException as {@link #index} does for a name with no index
     */
    public VectorField field(String name) {
        index(name);
        return indexes.get(name).field.queryField();
    }

    /** The breadth of a search of {@code field} that asks for ef 0: the index's configured ef_search. */
    public int defaultEf(String field) {
        return fieldIndex(field).index.config().efSearch();
    }

    /** The name under which the positions of a kind are indexed and searched: {@code position.graph}... */
    public static String positionIndexName(PositionKind kind) {
        return IndexedField.positionIndexName(kind);
    }

    /** Whether an index name is that of a position index ({@code position.KIND}) rather than a vector field's. */
    public static boolean isPositionIndex(String name) {
        return name.startsWith(IndexedField.POSITION_PREFIX);
    }

    /** Every change through this sequence is reflected in the indexes. */
    public long appliedSequence() {
        return subscription.lastDelivered();
    }

    /** Waits until the indexes reflect every change through {@code sequence}; returns whether they do. */
    public boolean awaitApplied(long sequence, Duration timeout) {
        checkRunning();
        try {
            return subscription.awaitDelivered(sequence, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits up to {@link #SETTINGS_CHANGE_WAIT} until the indexes reflect every change committed
     * so far; what a change of index settings (HTTP, gRPC, HyperQL ALTER) does before it answers,
     * so that the next search and the stats see the new settings. Returns whether they do.
     */
    public boolean awaitSettingsChange() {
        return awaitApplied(collection.changes().lastSequence(), SETTINGS_CHANGE_WAIT);
    }

    public List<FieldIndexStats> stats() {
        long last = collection.changes().lastSequence();
        long applied = appliedSequence();
        List<FieldIndexStats> out = new ArrayList<>();
        indexes.forEach((name, field) -> {
            VectorIndex index = field.index;
            IndexConfig config = index.config();
            out.add(new FieldIndexStats(name, config.metric().displayName(), config.dimension(), config.m(),
                    config.efConstruction(), config.efSearch(), config.quantization().name().toLowerCase(Locale.ROOT),
                    index.size(), index.memoryBytes(), index.mappedBytes(), applied, Math.max(0, last - applied), field.source,
                    field.snapshotSequence));
        });
        out.sort((a, b) -> a.field().compareTo(b.field()));
        return out;
    }

    /**
     * Writes snapshots of every field's index now; returns the change-feed sequence they cover.
     * Events wait while it writes; searches go on.
     *
     * @throws IllegalStateException if the indexer was started without snapshots
     * @throws StorageException      if a file cannot be written (earlier files are kept)
     */
    public long snapshot() {
        if (snapshots == null) {
            throw new IllegalStateException("collection '" + collection.name() + "' is indexed without snapshots");
        }
        applying.lock();
        try {
            return writeSnapshots();
        } finally {
            applying.unlock();
        }
    }

    /**
     * Writes snapshots if the policy says they are due; returns whether it wrote them. A failed
     * write is logged, not thrown: the previous snapshots stay and the next check tries again.
     */
    public boolean snapshotIfDue() {
        long now = System.nanoTime();
        if (snapshots == null || failure != null || now - failedNanos < RETRY_AFTER_FAILURE.toNanos()
                || !policy.due(appliedSequence(), snapshotSequence(), startSequence, now - snapshotNanos)) {
            return false;
        }
        try {
            snapshot();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "collection '" + collection.name() + "': index snapshot failed; retrying in "
                    + RETRY_AFTER_FAILURE.toSeconds() + " s at the earliest", e);
            failedNanos = System.nanoTime();
            return false;
        }
    }

    /** The caller holds {@link #applying}. */
    private long writeSnapshots() {
        if (indexes.isEmpty()) {
            return subscription.lastDelivered();
        }
        long sequence = subscription.lastDelivered();
        long started = System.nanoTime();
        Map<String, VectorIndex> all = new TreeMap<>();
        indexes.forEach((name, field) -> all.put(name, field.index));
        long bytes = snapshots.write(sequence, lastEvent, ordinals, all);
        indexes.values().forEach(field -> field.snapshotSequence = sequence);
        snapshotNanos = System.nanoTime();
        LOG.info(() -> "collection '" + collection.name() + "': index snapshot of " + all.keySet() + " covering sequence "
                + sequence + " written (" + bytes + " bytes) in " + (snapshotNanos - started) / 1_000_000 + " ms");
        return sequence;
    }

    /** The sequence every field's newest snapshot covers at least; −1 if a field has none. */
    private long snapshotSequence() {
        long covered = Long.MAX_VALUE;
        for (FieldIndex field : indexes.values()) {
            covered = Math.min(covered, field.snapshotSequence);
        }
        return covered == Long.MAX_VALUE ? -1 : covered;
    }

    private void checkRunning() {
        if (failure != null) {
            throw new StorageException(ErrorCode.STORAGE_IO, "indexing of collection '" + collection.name()
                    + "' stopped: " + failure.getMessage(), failure);
        }
    }

    /**
     * Stops following the feed, then writes a last snapshot if snapshots are configured and
     * anything changed since the newest one. A failed write is logged: the previous snapshots and
     * the feed still make the next start correct.
     */
    @Override
    public void close() {
        subscription.close();
        if (snapshots == null || failure != null || subscription.lastDelivered() <= snapshotSequence()) {
            closeIndexes();
            return;
        }
        applying.lock();
        try {
            writeSnapshots();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "collection '" + collection.name() + "': index snapshot at shutdown failed", e);
        } finally {
            applying.unlock();
            closeIndexes();
        }
    }

    /** Stops following the feed without writing snapshots (the collection is being dropped). */
    public void discard() {
        subscription.close();
        closeIndexes();
    }

    /** Releases the indexes' off-heap memory (the mapped vectors of quantized ones). */
    private void closeIndexes() {
        applying.lock();
        try {
            indexes.values().forEach(field -> field.index.close());
        } finally {
            applying.unlock();
        }
    }
}
