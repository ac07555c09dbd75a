package io.hyperspatial.core.imports;

import io.hyperspatial.core.json.SchemaJson;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.store.EntityIds;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Imports CSV, JSON or JSON Lines into a collection. One thread reads, parses and checks rows
 * against the schema; the calling thread writes them, so parsing the next batch overlaps writing
 * this one.
 *
 * <p><b>What is atomic.</b> Rows are written in batches of {@link ImportOptions#batchSize()} rows,
 * each batch one {@link Collection#bulkWrite} committed with {@link Durability#STRICT}: a batch is
 * applied whole or not at all (also across a crash), and is durable before the progress callback
 * hears of it; other writers of the collection wait while a batch is written. An input that fits one batch
 * is therefore imported all or nothing. With {@link OnError#FAIL} the first bad row stops the
 * import: nothing of its batch is written, the batches before it stay, and the
 * {@link ImportFailedException} says through which line rows were applied. With
 * {@link OnError#SKIP} bad rows are left out and listed in the {@link ImportReport}. A row is bad
 * if it cannot be parsed or typed, or if storage's rules reject it (checked before its batch is
 * written), or if its write fails (an existing entity of another type). Schema declarations (the
 * export header's schema, the mapping's types, properties, vector fields and edge types) are
 * applied before the rows and stay even if the import then fails.
 *
 * <p><b>Compaction.</b> Once the last batch is written, and unless {@link ImportOptions#compact()}
 * says not to, the whole collection is compacted ({@link Collection#compact}) so that what was
 * just loaded is read through one sorted run per table instead of several flushed files; the
 * report says how long that took. An import that failed or wrote nothing does not compact.
 *
 * <p>Entities are addressed by the deterministic ids of their keys, so an edge may name a key
 * that arrives later in the input, or never (the edge is kept, as storage allows). Stateless;
 * each call runs one import.
 */
public final class Importer {
    /** Skipped rows listed in a report (all are counted). */
    public static final int MAX_LISTED_ERRORS = 1_000;

    private Importer() {
    }

    /**
     * Imports {@code in} into {@code collection}.
     *
     * @param progress told the running report after each committed batch
     * @throws ImportFailedException at the first bad row with {@link OnError#FAIL}, or when the
     *                               input cannot be read on, after writing what it may
     */
    public static ImportReport run(Collection collection, Reader in, ImportOptions options, Consumer<ImportReport> progress) {
        if (options.mapping() != null) {
            collection.updateSchema(options.mapping().schemaChange());
        }
        EntitySource source;
        try {
            source = source(collection, in, options);
        } catch (IOException e) {
            throw new ImportInputException(1, "cannot read the input: " + e.getMessage(), e);
        }
        BatchReader reader = new BatchReader(source, collection.ids(), options);
        Thread thread = Thread.ofPlatform().name("import-reader-" + collection.name()).daemon().start(reader);
        try {
            return write(collection, reader, options, progress);
        } finally {
            reader.cancel();
            thread.interrupt();
        }
    }

    private static EntitySource source(Collection collection, Reader in, ImportOptions options) throws IOException {
        ImportMapping mapping = options.mapping();
        if (mapping == null) {
            return new ExportLines(in, collection::schema, json -> collection.updateSchema(SchemaJson.change(json)));
        }
        return new MappedRows(SourceRows.of(options.format(), in), mapping, collection::schema,
                type -> collection.updateSchema(e -> e.entityType(type, mapping.propertyTypes())));
    }

    private static ImportReport write(Collection collection, BatchReader reader, ImportOptions options,
                                      Consumer<ImportReport> progress) {
        Tally tally = new Tally();
        while (true) {
            Batch batch = reader.take();
            tally.read += batch.rowsRead();
            tally.readCpuNanos = batch.readerCpuNanos;
            boolean failing = batch.failure != null;
            if (!failing || options.onError() == OnError.SKIP) {
                writeBatch(collection, batch, options.onError(), tally);
            }
            batch.skipped.forEach(tally::skip);
            if (failing) {
                throw new ImportFailedException(batch.failure, tally.report());
            }
            progress.accept(tally.report());
            if (batch.last) {
                if (options.compact() && tally.written > 0) {
                    long start = System.nanoTime();
                    collection.compact();
                    tally.compactMillis = (System.nanoTime() - start) / 1_000_000;
                }
                return tally.report();
            }
        }
    }

    /** Writes a batch in one transaction; with {@link OnError#SKIP}, a row whose write fails is dropped and the rest retried. */
    private static void writeBatch(Collection collection, Batch batch, OnError onError, Tally tally) {
        List<ImportedEntity> rows = new ArrayList<>(batch.entities);
        List<EntityWrites.Resolved> resolved = new ArrayList<>(batch.resolved);
        while (!rows.isEmpty()) {
            try {
                long now = System.currentTimeMillis();
                tally.sequence = collection.bulkWrite(Durability.STRICT, tx -> {
                    EntityWrites.prefetch(tx, resolved);
                    for (int i = 0; i < rows.size(); i++) {
                        ImportedEntity e = rows.get(i);
                        try {
                            EntityWrites.write(tx, e, resolved.get(i), now);
                        } catch (ManifoldException ex) {
                            throw RowException.of(e.line(), ex.field().orElse(null), ex);
                        }
                    }
                });
                tally.written += rows.size();
                break;
            } catch (RowException e) {
                if (onError == OnError.FAIL) {
                    throw new ImportFailedException(e.error(), tally.report());
                }
                batch.skipped.add(e.error());
                for (int i = rows.size() - 1; i >= 0; i--) {
                    if (rows.get(i).line() == e.error().line()) {
                        rows.remove(i);
                        resolved.remove(i);
                    }
                }
            }
        }
        if (!rows.isEmpty()) {
            tally.batches++;
        }
        tally.appliedThrough = batch.lastLine;
    }

    /** Counts of a running import. */
    private static final class Tally {
        long read;
        long written;
        long batches;
        long appliedThrough;
        long skippedCount;
        long sequence;
        long readCpuNanos = -1;
        long compactMillis = -1;
        final List<RowError> skipped = new ArrayList<>();

        void skip(RowError e) {
            skippedCount++;
            if (skipped.size() < MAX_LISTED_ERRORS) {
                skipped.add(e);
            }
        }

        ImportReport report() {
            return new ImportReport(read, written, batches, appliedThrough, skippedCount, skipped, sequence, readCpuNanos,
                    compactMillis);
        }
    }

    /** Rows read for one transaction, the rows skipped among them, and how reading ended if it did. */
    private static final class Batch {
        final List<ImportedEntity> entities = new ArrayList<>();
        /** The ids of {@link #entities}, in the same order. */
        final List<EntityWrites.Resolved> resolved = new ArrayList<>();
        final List<RowError> skipped = new ArrayList<>();
        long lastLine;
        RowError failure;
        boolean last;
        /** The reading thread's CPU time so far when it handed this batch over; -1 where not measurable. */
        long readerCpuNanos = -1;

        long rowsRead() {
            return entities.size() + skipped.size() + (failure != null ? 1 : 0);
        }
    }

    /** Reads batches on its own thread and hands them over through a queue of two. */
    private static final class BatchReader implements Runnable {
        private final EntitySource source;
        private final EntityIds ids;
        private final ImportOptions options;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        private volatile boolean cancelled;

        BatchReader(EntitySource source, EntityIds ids, ImportOptions options) {
            this.source = source;
            this.ids = ids;
            this.options = options;
        }

        /** The next entity with its ids derived here, on the reading thread; null at the end. */
        private ImportedEntity next(Batch batch) throws IOException {
            ImportedEntity e = source.next();
            if (e != null) {
                EntityWrites.Resolved r;
                try {
                    r = EntityWrites.Resolved.of(ids, e);
                } catch (IllegalArgumentException ex) { // an empty key, which the sources already refuse
                    throw RowException.invalid(e.line(), "key", ex.getMessage());
                }
                batch.resolved.add(r);
            }
            return e;
        }

        @Override
        public void run() {
            Batch batch = new Batch();
            try {
                while (!cancelled) {
                    ImportedEntity e;
                    try {
                        e = next(batch);
                    } catch (RowException ex) {
                        batch.lastLine = ex.error().line();
                        if (options.onError() == OnError.FAIL) {
                            batch.failure = ex.error();
                            put(batch);
                            return;
                        }
                        batch.skipped.add(ex.error());
                        continue;
                    }
                    if (e == null) {
                        batch.last = true;
                        put(batch);
                        return;
                    }
                    batch.entities.add(e);
                    batch.lastLine = e.line();
                    if (batch.entities.size() + batch.skipped.size() >= options.batchSize()) {
                        put(batch);
                        batch = new Batch();
                    }
                }
            } catch (ImportInputException ex) {
                batch.failure = new RowError(ex.line(), null, ex.code(), ex.getMessage());
                put(batch);
            } catch (IOException | RuntimeException ex) {
                batch.failure = new RowError(batch.lastLine + 1, null, ErrorCode.INVALID_ARGUMENT,
                        "cannot read the input: " + ex.getMessage());
                put(batch);
            }
        }

        private void put(Batch batch) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) {
                batch.readerCpuNanos = threads.getCurrentThreadCpuTime();
            }
            try {
                while (!cancelled && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Batch take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportInputException(0, "interrupted while importing", e);
            }
        }

        void cancel() {
            cancelled = true;
        }
    }
}
