package io.hyperspatial.server.metrics;

import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.manifold.CollectionStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-collection gauges, refreshed before each scrape: estimated entities, disk bytes, memtable
 * bytes, last change-feed sequence (tag {@code collection}), and per vector field the indexed
 * vectors and the indexing backlog (tags {@code collection}, {@code field}). A dropped collection
 * disappears at the next refresh. Thread-safe.
 */
public final class CollectionGauges {
    private final HyperspatialDatabase db;
    private final MultiGauge entities;
    private final MultiGauge diskBytes;
    private final MultiGauge memtableBytes;
    private final MultiGauge lastSequence;
    private final MultiGauge indexVectors;
    private final MultiGauge indexBacklog;

    public CollectionGauges(HyperspatialDatabase db, MeterRegistry registry) {
        this.db = db;
        this.entities = gauge(registry, "hyperspatial.collection.entities", "estimated entities");
        this.diskBytes = gauge(registry, "hyperspatial.collection.disk.bytes", "bytes of the collection's directory");
        this.memtableBytes = gauge(registry, "hyperspatial.collection.memtable.bytes", "bytes in memtables");
        this.lastSequence = gauge(registry, "hyperspatial.collection.last.sequence", "newest change-feed sequence");
        this.indexVectors = gauge(registry, "hyperspatial.index.vectors", "vectors in a field's index");
        this.indexBacklog = gauge(registry, "hyperspatial.index.backlog", "change events not yet indexed");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** Reads every collection's statistics into the gauges. */
    public synchronized void refresh() {
        List<MultiGauge.Row<?>> entityRows = new ArrayList<>();
        List<MultiGauge.Row<?>> diskRows = new ArrayList<>();
        List<MultiGauge.Row<?>> memtableRows = new ArrayList<>();
        List<MultiGauge.Row<?>> sequenceRows = new ArrayList<>();
        List<MultiGauge.Row<?>> vectorRows = new ArrayList<>();
        List<MultiGauge.Row<?>> backlogRows = new ArrayList<>();
        for (String name : db.storage().collectionNames()) {
            CollectionStats s = db.collection(name).stats();
            Tags tags = Tags.of("collection", name);
            entityRows.add(MultiGauge.Row.of(tags, s.estimatedEntities()));
            diskRows.add(MultiGauge.Row.of(tags, s.diskBytes()));
            memtableRows.add(MultiGauge.Row.of(tags, s.memtableBytes()));
            sequenceRows.add(MultiGauge.Row.of(tags, s.lastSequence()));
            for (FieldIndexStats f : db.indexer(name).stats()) {
                Tags fieldTags = tags.and("field", f.field());
                vectorRows.add(MultiGauge.Row.of(fieldTags, f.vectors()));
                backlogRows.add(MultiGauge.Row.of(fieldTags, f.backlog()));
            }
        }
        entities.register(entityRows, true);
        diskBytes.register(diskRows, true);
        memtableBytes.register(memtableRows, true);
        lastSequence.register(sequenceRows, true);
        indexVectors.register(vectorRows, true);
        indexBacklog.register(backlogRows, true);
    }
}
