package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.feed.ChangeFlag;
import io.hyperspatial.manifold.feed.EntityChange;
import io.hyperspatial.manifold.feed.SequenceTracker;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.EntityType;
import io.hyperspatial.manifold.schema.MeasureDef;
import io.hyperspatial.manifold.schema.PropertyDef;
import io.hyperspatial.manifold.schema.PropertyIndexDef;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.schema.SchemaCodec;
import io.hyperspatial.manifold.schema.VectorField;
import io.hyperspatial.manifold.schema.WriteValidator;
import io.hyperspatial.manifold.store.CollectionStore;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.EntityIds;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import io.hyperspatial.manifold.store.Lease;
import io.hyperspatial.manifold.store.StorageErrors;
import io.hyperspatial.manifold.table.EdgeRecord;
import io.hyperspatial.manifold.table.EntityRecord;
import io.hyperspatial.manifold.table.IndexKeyCodec;
import io.hyperspatial.manifold.table.PropertyIndexTable;
import io.hyperspatial.manifold.table.MeasureTable;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.table.PositionTable;
import io.hyperspatial.manifold.table.PropertyRow;
import io.hyperspatial.manifold.table.VectorCodec;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueCodec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One logical operation on a collection: any number of writes to any tables, committed as one
 * atomic RocksDB write with one change event, or not at all. Reads see a snapshot taken at the
 * start plus this transaction's own writes. Conflicts are detected optimistically on the entity
 * headers the transaction read or wrote: if another commit changed one of them since the
 * snapshot, {@link #commit()} fails with {@link ErrorCode#TRANSACTION_CONFLICT} and
 * {@link Collection#write} runs the work again.
 *
 * <p>Validation happens as each method is called; a failed validation throws and, since nothing
 * is written before commit, leaves the collection untouched. Edges may name entities that do
 * not exist yet (imports resolve forward references); every other write needs its entity.
 *
 * <p>A transaction of {@link Collection#bulkWrite} stages its rows in a plain write batch instead:
 * no conflict detection (the bulk write keeps the collection's other writers out), and its reads
 * see the snapshot and the entity headers it wrote, not its other writes, so deletes and removals
 * are refused there.
 *
 * <p>Not thread-safe: one thread builds and commits a transaction. Close it (a closed,
 * uncommitted transaction is rolled back).
 */
public final class Transaction extends TableReads implements AutoCloseable {
    private final Collection collection;
    private final Lease lease;
    private final CollectionStore store;
    private final Schema schema;
    private final RowBuffer rows;
    private final SequenceTracker tracker;
    private final Durability durability;
    // not final: prefetch sizes them for the batch it is told of
    private Map<UUID, Pending> headers = new HashMap<>();
    private Map<UUID, Integer> changes = new LinkedHashMap<>();
    /** Edges added (and not removed again) here; their created time is carried over at commit if they were active. */
    private final Map<ByteBuffer, AddedEdge> addedEdges = new LinkedHashMap<>();
    private final ColumnFamilyHandle entitiesFamily;
    private final KeyValueReader reader;
    private Schema newSchema;
    /** A bulk write's proof of which entities are new, or null: read them all. */
    private BulkHistory history;
    private long sequence = -1;
    private boolean finished;

    /**
     * An entity row as this transaction sees it: {@code record} (the header) null when absent or
     * deleted; its properties those of {@code stored} (the row as read) until the first patch,
     * then {@code properties}.
     */
    private static final class Pending {
        EntityRecord record;
        byte[] stored;
        TreeMap<Integer, byte[]> properties;
        boolean dirty;

        /** The encoded value of a property as this transaction sees it, or null. */
        byte[] property(int propertyId) {
            if (properties != null) {
                return properties.get(propertyId);
            }
            return stored == null ? null : PropertyRow.find(stored, propertyId);
        }

        /** The properties, decoded from the stored row for editing on first use. */
        TreeMap<Integer, byte[]> editableProperties() {
            if (properties == null) {
                properties = stored == null ? new TreeMap<>() : PropertyRow.decode(stored);
            }
            return properties;
        }

        /** The row to store for {@code header}: it and the current properties. */
        byte[] row(EntityRecord header) {
            if (properties != null) {
                byte[] section = PropertyRow.encode(properties);
                return header.encodeRow(section, 0, section.length);
            }
            if (stored == null) {
                return header.encode();
            }
            int start = EntityRecord.headerLength(stored);
            return header.encodeRow(stored, start, stored.length - start);
        }
    }

    Transaction(Collection collection, Lease lease, Schema schema, SequenceTracker tracker, Durability durability,
                boolean bulk) {
        this.collection = collection;
        this.lease = lease;
        this.store = lease.store();
        this.schema = schema;
        this.tracker = tracker;
        this.durability = durability;
        this.rows = bulk ? new RowBuffer.Plain(store, store.writeOptions(durability))
                : new RowBuffer.Tracked(store, store.writeOptions(durability));
        this.entitiesFamily = store.family(ColumnFamilies.ENTITIES);
        this.reader = transactionReader();
    }

    @Override
    KeyValueReader reader() {
        return reader;
    }

    private KeyValueReader transactionReader() {
        return new KeyValueReader() {
            @Override
            public CollectionStore store() {
                return store;
            }

            @Override
            public byte[] get(ColumnFamilyHandle family, byte[] key) {
                if (family == entitiesFamily && key.length == Keys.UUID_BYTES) {
                    // entity rows are written at commit: until then, this transaction's are here
                    Pending p = headers.get(Keys.getUuid(key, 0));
                    if (p != null) {
                        return p.record == null ? null : p.row(p.record);
                    }
                }
                try {
                    return rows.get(family, key);
                } catch (RocksDBException e) {
                    throw StorageErrors.wrap("read", e);
                }
            }

            @Override
            public Cursor scan(ColumnFamilyHandle family, byte[] from, byte[] to) {
                return rows.scan(family, from, to);
            }
        };
    }

    @Override
    public Schema schema() {
        return schema;
    }

    // ---- entities -------------------------------------------------------------------------

    /**
     * Adds an entity to this transaction's conflict set without writing it: the commit fails with
     * {@link ErrorCode#TRANSACTION_CONFLICT} if another transaction changes the entity after this
     * one's snapshot. Writes already do this for the entities they touch; call it for entities
     * that are only read but whose value the writes depend on (read-modify-write across entities).
     */
    public void guard(UUID id) {
        load(id);
    }

    /**
     * Makes this transaction and any other that claims the same token exclusive: of two that
     * claim it, the one that commits second (having begun before the first committed) fails with
     * {@link ErrorCode#TRANSACTION_CONFLICT}, so {@link Collection#write} runs it again on a snapshot
     * that sees the first. For decisions made on reads that entity headers do not cover, such as
     * "no entity holds this value in a unique index" or "the largest value of a property is n".
     * Leaves no row behind: the claim is a delete of a key that never holds a value, in the meta
     * family (its tombstone is compacted away).
     */
    public void claim(byte[] token) {
        byte[] key = new byte[CollectionMeta.CLAIM_PREFIX.length + token.length];
        System.arraycopy(CollectionMeta.CLAIM_PREFIX, 0, key, 0, CollectionMeta.CLAIM_PREFIX.length);
        System.arraycopy(token, 0, key, CollectionMeta.CLAIM_PREFIX.length, token.length);
        try {
            rows.deleteHeader(store.family(ColumnFamilies.META), key);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("claim", e);
        }
    }

    /**
     * Reads the headers of the given entities in one batch instead of one read each as they are
     * first written. Purely an optimisation for writers that touch many entities per
     * transaction (imports): call it with the ids of a batch before writing them.
     */
    public void prefetch(java.util.Collection<UUID> ids) {
        if (headers.isEmpty() && changes.isEmpty()) {
            // a batch's entities, and about as many again marked as edge targets: no rehashing as they arrive
            headers = HashMap.newHashMap(ids.size());
            changes = LinkedHashMap.newLinkedHashMap(2 * ids.size());
        }
        List<UUID> missing = new ArrayList<>(ids.size());
        List<byte[]> keys = new ArrayList<>(ids.size());
        int skipped = 0;
        for (UUID id : new LinkedHashSet<>(ids)) {
            if (headers.containsKey(id)) {
                continue;
            }
            if (history != null && !history.mayExist(id)) {
                headers.put(id, loaded(null));
                skipped++;
            } else {
                missing.add(id);
                keys.add(Keys.uuid(id));
            }
        }
        if (history != null) {
            history.skipped(skipped);
        }
        if (missing.isEmpty()) {
            return;
        }
        List<byte[]> values;
        try {
            values = rows.getHeaders(entitiesFamily, keys);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("read entities", e);
        }
        for (int i = 0; i < missing.size(); i++) {
            headers.put(missing.get(i), loaded(values.get(i)));
        }
    }

    /** Creates the entity for a user key, or touches it if it exists; returns its id. */
    public UUID upsertEntity(String key, String type) {
        UUID id = collection.ids().forKey(key);
        upsert(id, type, key);
        return id;
    }

    /**
     * Creates the entity of a key whose id was already derived ({@link EntityIds#keyed}), or
     * touches it if it exists; returns its id.
     *
     * @throws IllegalArgumentException if it was derived for a collection of another name
     */
    public UUID upsertEntity(EntityIds.KeyedId entity, String type) {
        if (!collection.ids().derived(entity)) {
            throw new IllegalArgumentException("the id of key " + entity + " was derived for another collection than '"
                    + collection.name() + "'");
        }
        upsert(entity.id(), type, entity.key());
        return entity.id();
    }

    /** Creates an entity with an explicit id (no user key), or touches it if it exists. */
    public void upsertEntity(UUID id, String type) {
        upsert(id, type, null);
    }

    private void upsert(UUID id, String typeName, String key) {
        int typeId = schema.entityType(typeName).id();
        Pending p = load(id);
        long now = System.currentTimeMillis();
        if (p.record == null) {
            p.record = new EntityRecord(typeId, now, now, 0, key);
            mark(id, ChangeFlag.CREATED);
        } else if (p.record.typeId() != typeId) {
            throw typeMismatch(id, p, p.record.typeId(), typeId);
        } else {
            if (key != null && p.record.key() == null) {
                p.record = new EntityRecord(p.record.typeId(), p.record.createdMillis(), p.record.updatedMillis(),
                        p.record.version(), key);
            }
            mark(id, ChangeFlag.UPDATED);
        }
        p.dirty = true;
    }

    private SchemaViolationException typeMismatch(UUID id, Pending p, int existingType, int requestedType) {
        return new SchemaViolationException(ErrorCode.TYPE_MISMATCH, "type", "entity " + describe(id, p)
                + " is of type '" + typeName(existingType) + "', not '" + typeName(requestedType) + "'");
    }

    private String typeName(int typeId) {
        return schema.entityTypeById(typeId).map(EntityType::name).orElse("#" + typeId);
    }

    /**
     * Deletes an entity and everything of it: properties, vectors, measures, positions,
     * trajectories, and its edges in both directions. Returns false if it did not exist.
     */
    public boolean deleteEntity(UUID id) {
        requireOwnReads("deleteEntity");
        Pending p = load(id);
        if (p.record == null) {
            return false;
        }
        byte[] prefix = Keys.uuid(id);
        EntityType type = schema.entityTypeById(p.record.typeId()).orElseThrow();
        for (PropertyIndexDef index : schema.propertyIndexesOf(type.name())) {
            reindex(id, p, type, schema.property(type, index.property()), Value.NULL);
        }
        deletePrefix(store.family(ColumnFamilies.MEASURES), prefix);
        deletePrefix(store.family(ColumnFamilies.POSITIONS), prefix);
        deletePrefix(store.family(ColumnFamilies.TRAJECTORIES), prefix);
        for (VectorField f : schema.vectorFields().values()) {
            ColumnFamilyHandle family = store.existingVectorFamily(f.name());
            if (family != null) {
                delete(family, prefix);
            }
        }
        deleteEdges(store.family(ColumnFamilies.EDGES_OUT), store.family(ColumnFamilies.EDGES_IN), prefix);
        deleteEdges(store.family(ColumnFamilies.EDGES_IN), store.family(ColumnFamilies.EDGES_OUT), prefix);
        try {
            rows.deleteHeader(entitiesFamily, prefix);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("delete entity", e);
        }
        p.record = null;
        p.stored = null;
        p.properties = null;
        p.dirty = false;
        mark(id, ChangeFlag.DELETED);
        return true;
    }

    /** Deletes the rows of {@code vertex} in {@code family} and their mirror rows in {@code mirror}. */
    private void deleteEdges(ColumnFamilyHandle family, ColumnFamilyHandle mirror, byte[] vertex) {
        List<byte[]> keys = keysWithPrefix(family, vertex);
        UUID self = Keys.getUuid(vertex, 0);
        for (byte[] k : keys) {
            UUID other = EdgeRecord.other(k);
            delete(family, k);
            delete(mirror, EdgeRecord.key(other, EdgeRecord.typeId(k), self));
            mark(other, ChangeFlag.EDGES);
        }
    }

    // ---- properties -----------------------------------------------------------------------

    /**
     * Sets the given properties of an existing entity, leaving the others as they are. A
     * {@link Value#NULL} removes the property. Every name and value is validated against the
     * entity's type first.
     */
    public void patchProperties(UUID id, Map<String, Value> values) {
        Pending p = requireEntity(id);
        EntityType type = schema.entityTypeById(p.record.typeId()).orElseThrow();
        Map<PropertyDef, Value> validated = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : values.entrySet()) {
            PropertyDef def = schema.property(type, e.getKey());
            validated.put(def, WriteValidator.property(type, def, e.getValue()));
        }
        for (PropertyIndexDef index : schema.propertyIndexesOf(type.name())) {
            PropertyDef def = schema.property(type, index.property());
            Value next = validated.get(def);
            if (next != null) {
                reindex(id, p, type, def, next);
            }
        }
        TreeMap<Integer, byte[]> properties = p.editableProperties();
        for (Map.Entry<PropertyDef, Value> e : validated.entrySet()) {
            if (e.getValue() instanceof Value.NullValue) {
                properties.remove(e.getKey().id());
            } else {
                properties.put(e.getKey().id(), ValueCodec.encode(e.getValue()));
            }
        }
        touch(id, p, ChangeFlag.PROPERTIES);
    }

    /** Moves an entity's entry in a property index from its current value to {@code next} (NULL: none). */
    private void reindex(UUID id, Pending p, EntityType type, PropertyDef property, Value next) {
        ColumnFamilyHandle index = store.family(ColumnFamilies.PROPERTY_INDEX);
        byte[] stored = p.property(property.id());
        if (stored != null) {
            Value old = ValueCodec.decode(stored);
            if (old.equals(next)) {
                return;
            }
            if (IndexKeyCodec.indexable(old)) {
                delete(index, PropertyIndexTable.key(type, property, old, id));
            }
        }
        if (IndexKeyCodec.indexable(next)) {
            put(index, PropertyIndexTable.key(type, property, next, id), new byte[0]);
        }
    }

    // ---- vectors --------------------------------------------------------------------------

    public void setVector(UUID id, String field, float[] vector) {
        VectorField f = schema.vectorField(field);
        WriteValidator.dense(f, vector);
        putVector(id, f, VectorCodec.dense(vector));
    }

    public void setSparseVector(UUID id, String field, int[] indices, float[] values) {
        VectorField f = schema.vectorField(field);
        WriteValidator.sparse(f, indices, values);
        putVector(id, f, VectorCodec.sparse(indices, values));
    }

    public void setMultiVector(UUID id, String field, List<float[]> vectors) {
        VectorField f = schema.vectorField(field);
        WriteValidator.multi(f, vectors);
        putVector(id, f, VectorCodec.multi(vectors, f.dimension()));
    }

    /** Removes an entity's vector of a field; returns false if it had none. */
    public boolean removeVector(UUID id, String field) {
        requireOwnReads("removeVector");
        VectorField f = schema.vectorField(field);
        Pending p = requireEntity(id);
        ColumnFamilyHandle family = store.existingVectorFamily(f.name());
        byte[] key = Keys.uuid(id);
        if (family == null || reader.get(family, key) == null) {
            return false;
        }
        delete(family, key);
        touch(id, p, ChangeFlag.VECTORS);
        return true;
    }

    private void putVector(UUID id, VectorField f, byte[] encoded) {
        Pending p = requireEntity(id);
        put(store.vectorFamily(f.name()), Keys.uuid(id), encoded);
        touch(id, p, ChangeFlag.VECTORS);
    }

    // ---- graph ----------------------------------------------------------------------------

    /** Adds (or re-activates, or re-weights) the edge {@code from -type-> to}. */
    public void addEdge(UUID from, String type, UUID to, float weight) {
        EdgeType t = schema.edgeType(type);
        WriteValidator.finite("weight", weight);
        AddedEdge edge = new AddedEdge(from, t.id(), to, weight);
        edge.write(System.currentTimeMillis());
        addedEdges.put(ByteBuffer.wrap(edge.outKey()), edge);
        mark(from, ChangeFlag.EDGES);
        mark(to, ChangeFlag.EDGES);
    }

    /** Marks the edge inactive (keeping its row with the deletion time); false if it was not active. */
    public boolean removeEdge(UUID from, String type, UUID to) {
        requireOwnReads("removeEdge");
        EdgeType t = schema.edgeType(type);
        ColumnFamilyHandle out = store.family(ColumnFamilies.EDGES_OUT);
        byte[] outKey = EdgeRecord.key(from, t.id(), to);
        byte[] existing = reader.get(out, outKey);
        if (existing == null || !EdgeRecord.decode(existing).active()) {
            return false;
        }
        addedEdges.remove(ByteBuffer.wrap(outKey));
        EdgeRecord old = EdgeRecord.decode(existing);
        byte[] record = new EdgeRecord(false, old.weight(), old.createdMillis(), System.currentTimeMillis()).encode();
        put(out, outKey, record);
        put(store.family(ColumnFamilies.EDGES_IN), EdgeRecord.key(to, t.id(), from), record);
        mark(from, ChangeFlag.EDGES);
        mark(to, ChangeFlag.EDGES);
        return true;
    }

    // ---- time series and positions ---------------------------------------------------------

    /** Records {@code value} for {@code measure} at {@code timeMillis} (replacing a point at the same time). */
    public void appendMeasure(UUID id, String measure, long timeMillis, double value) {
        MeasureDef m = schema.measure(measure);
        WriteValidator.finite(measure, value);
        requireEntity(id);
        put(store.family(ColumnFamilies.MEASURES), MeasureTable.key(id, m.id(), timeMillis), MeasureTable.encodeValue(value));
        mark(id, ChangeFlag.MEASURES);
    }

    /**
     * Sets the entity's position of a kind and appends it to the trajectory at {@code timeMillis}.
     * The point must lie on the hyperboloid of the kind's declared {@link PositionSpace} (or of
     * curvature −1 when none is declared), time coordinate first.
     */
    public void setPosition(UUID id, PositionKind kind, double[] coordinates, long timeMillis) {
        WriteValidator.position(kind, schema.positionSpace(kind).orElse(null), coordinates);
        requireEntity(id);
        byte[] encoded = PositionTable.encode(coordinates);
        put(store.family(ColumnFamilies.POSITIONS), PositionTable.key(id, kind), encoded);
        put(store.family(ColumnFamilies.TRAJECTORIES), PositionTable.trajectoryKey(id, kind, timeMillis), encoded);
        mark(id, ChangeFlag.POSITIONS);
    }

    // ---- schema ---------------------------------------------------------------------------

    /**
     * Stages a new schema; used by {@link Collection#updateSchema}. Builds the property indexes it
     * adds from the stored entities, deletes the entries of those it drops, and refuses to drop an
     * entity type that still has entities.
     */
    void stageSchema(Schema next) {
        IndexBuild.stage(schema, next, reader, this::put, this::delete);
        EdgeTypeDrop.stage(schema, next, reader, this::delete, id -> mark(id, ChangeFlag.EDGES));
        put(store.family(ColumnFamilies.META), CollectionMeta.SCHEMA_KEY, SchemaCodec.encode(next));
        newSchema = next;
    }

    // ---- commit ---------------------------------------------------------------------------

    /**
     * Commits atomically with this transaction's durability and returns the change-feed sequence
     * number of its event (or the current sequence if it changed nothing).
     *
     * @throws ConflictException with {@link ErrorCode#TRANSACTION_CONFLICT} if a concurrent
     *                           commit changed an entity this transaction read or wrote
     */
    public long commit() {
        if (finished) {
            throw new IllegalStateException("transaction already finished");
        }
        finished = true;
        if (changes.isEmpty() && newSchema == null) {
            rollback();
            sequence = tracker.visible();
            return sequence;
        }
        carryOverEdgeCreationTimes();
        if (history != null) {
            // after every read of this write: they were of the snapshot, which has none of these rows
            addedEdges.values().forEach(e -> history.add(e.from));
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<UUID, Pending> e : headers.entrySet()) {
            Pending p = e.getValue();
            if (history != null && p.dirty && p.record != null && p.stored == null) {
                history.add(e.getKey());
            }
            if (p.dirty && p.record != null) {
                try {
                    rows.putHeader(entitiesFamily, Keys.uuid(e.getKey()), p.row(p.record.touched(now)));
                } catch (RocksDBException ex) {
                    throw StorageErrors.wrap("write entity", ex);
                }
            }
        }
        List<EntityChange> list = new ArrayList<>(changes.size());
        changes.forEach((id, mask) -> list.add(new EntityChange(id, mask)));
        long seq = tracker.begin();
        try {
            ChangeEvent event = new ChangeEvent(seq, now, newSchema == null ? 0 : newSchema.revision(), list);
            rows.put(store.family(ColumnFamilies.CHANGES), ChangeEvent.key(seq), event.encode());
            rows.commit();
            // before the sequence becomes visible: a reader that sees this event must see its schema
            collection.committed(durability, newSchema, !rows.readsOwnWrites());
        } catch (RocksDBException e) {
            if (StorageErrors.isConflict(e)) {
                throw new ConflictException(ErrorCode.TRANSACTION_CONFLICT, null,
                        "transaction conflicted with a concurrent commit on collection '" + collection.name() + "'");
            }
            throw StorageErrors.wrap("commit", e);
        } finally {
            tracker.end(seq);
        }
        sequence = seq;
        return seq;
    }

    /** A bulk write's history (see {@link BulkHistory}), or null; set before any read. */
    void useHistory(BulkHistory history) {
        this.history = history;
    }

    /** Whether this transaction's snapshot holds no entity header and no out-edge. */
    boolean snapshotHasNoEntitiesOrEdges() {
        for (String family : List.of(ColumnFamilies.ENTITIES, ColumnFamilies.EDGES_OUT)) {
            try (Cursor c = rows.scan(store.family(family), new byte[0], null)) {
                if (c.next()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The sequence number {@link #commit()} returned, or -1 before commit. */
    public long sequence() {
        return sequence;
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                finished = true;
                rollback();
            }
        } finally {
            rows.close();
            lease.close();
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    /** The header as this transaction sees it, read now if it was not yet. */
    private Pending load(UUID id) {
        Pending p = headers.get(id);
        if (p == null && history != null && !history.mayExist(id)) {
            p = loaded(null);
            headers.put(id, p);
            history.skipped(1);
        }
        if (p == null) {
            try {
                p = loaded(rows.getHeader(entitiesFamily, Keys.uuid(id)));
            } catch (RocksDBException e) {
                throw StorageErrors.wrap("read entity", e);
            }
            headers.put(id, p);
        }
        return p;
    }

    private static Pending loaded(byte[] stored) {
        Pending p = new Pending();
        p.record = stored == null ? null : EntityRecord.decode(stored);
        p.stored = stored;
        return p;
    }

    /**
     * An edge re-added while active keeps its original creation time. Rather than read each
     * edge's prior state as it is added, read them all from the snapshot in one batch here.
     */
    private void carryOverEdgeCreationTimes() {
        if (addedEdges.isEmpty()) {
            return;
        }
        List<AddedEdge> edges = new ArrayList<>(addedEdges.size());
        for (AddedEdge e : addedEdges.values()) {
            // an entity the history proves new had no out-edges either
            if (history == null || history.mayExist(e.from)) {
                edges.add(e);
            }
        }
        if (history != null) {
            history.skipped(addedEdges.size() - edges.size());
        }
        if (edges.isEmpty()) {
            return;
        }
        List<byte[]> keys = new ArrayList<>(edges.size());
        edges.forEach(e -> keys.add(e.outKey()));
        List<byte[]> prior;
        try {
            prior = store.db().multiGetAsList(rows.snapshotReads(),
                    Collections.nCopies(keys.size(), store.family(ColumnFamilies.EDGES_OUT)), keys);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("read edges", e);
        }
        for (int i = 0; i < edges.size(); i++) {
            if (prior.get(i) != null) {
                EdgeRecord old = EdgeRecord.decode(prior.get(i));
                if (old.active()) {
                    edges.get(i).write(old.createdMillis());
                }
            }
        }
    }

    /** An edge added in this transaction. */
    private final class AddedEdge {
        private final UUID from;
        private final int typeId;
        private final UUID to;
        private final float weight;

        AddedEdge(UUID from, int typeId, UUID to, float weight) {
            this.from = from;
            this.typeId = typeId;
            this.to = to;
            this.weight = weight;
        }

        byte[] outKey() {
            return EdgeRecord.key(from, typeId, to);
        }

        /** Writes both rows as active with the given creation time. */
        void write(long createdMillis) {
            byte[] record = new EdgeRecord(true, weight, createdMillis, 0).encode();
            put(store.family(ColumnFamilies.EDGES_OUT), outKey(), record);
            put(store.family(ColumnFamilies.EDGES_IN), EdgeRecord.key(to, typeId, from), record);
        }
    }

    /** Deletes and removals read rows this transaction may have written; a bulk load's reads do not see them. */
    private void requireOwnReads(String operation) {
        if (!rows.readsOwnWrites()) {
            throw new IllegalStateException(operation + " is not available in a bulk load (Collection.bulkWrite)");
        }
    }

    private Pending requireEntity(UUID id) {
        Pending p = load(id);
        if (p.record == null) {
            throw new NotFoundException(ErrorCode.ENTITY_NOT_FOUND, id.toString(), "entity " + id + " does not exist");
        }
        return p;
    }

    private void touch(UUID id, Pending p, ChangeFlag flag) {
        p.dirty = true;
        mark(id, flag);
        mark(id, ChangeFlag.UPDATED);
    }

    private void mark(UUID id, ChangeFlag flag) {
        changes.merge(id, flag.bit(), (a, b) -> a | b);
    }

    private static String describe(UUID id, Pending p) {
        return p.record != null && p.record.key() != null ? "'" + p.record.key() + "' (" + id + ")" : id.toString();
    }

    private List<byte[]> keysWithPrefix(ColumnFamilyHandle family, byte[] prefix) {
        List<byte[]> keys = new ArrayList<>();
        try (Cursor c = reader.scanPrefix(family, prefix)) {
            while (c.next()) {
                keys.add(c.key());
            }
        }
        return keys;
    }

    private void deletePrefix(ColumnFamilyHandle family, byte[] prefix) {
        for (byte[] k : keysWithPrefix(family, prefix)) {
            delete(family, k);
        }
    }

    private void put(ColumnFamilyHandle family, byte[] key, byte[] value) {
        try {
            rows.put(family, key, value);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("write", e);
        }
    }

    private void delete(ColumnFamilyHandle family, byte[] key) {
        try {
            rows.delete(family, key);
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("delete", e);
        }
    }

    private void rollback() {
        try {
            rows.rollback();
        } catch (RocksDBException e) {
            throw StorageErrors.wrap("rollback", e);
        }
    }
}
