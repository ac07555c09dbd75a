package io.hyperspatial.core.query;

import io.hyperspatial.core.index.maintain.CollectionIndexer;
import io.hyperspatial.core.index.maintain.EntityHit;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.table.EntityScan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The k rows of a table nearest to a query vector that pass the statement's filter, nearest first.
 * With the collection's HNSW index: first post-filtered searches that ask the index for a few
 * times k candidates and keep the rows of this table that pass the filter, asking for
 * {@value #OVERSAMPLE} times more candidates each round while fewer than k pass (cheap when many
 * rows pass: a filter that 10% pass needs about 10k candidates); once the candidates would exceed
 * 1/{@value #POST_FILTER_SHARE} of the index, the filter is evaluated over the table in one scan
 * and the index searched with the passing rows as an allow-list (the very selective case). So whenever k rows match, k
 * rows come back. Each search examines at least the field's ef_search candidates (its index
 * settings). Without an index, or when it has not caught up with the statement's snapshot
 * in time, every row is scored exactly. Stateless.
 */
final class NearestRows {
    /** Candidates asked of the index in the post-filtered round, as a multiple of k. */
    static final int OVERSAMPLE = 4;
    /** How long a k-NN scan waits for the index to reflect the statement's snapshot. */
    static final Duration CATCH_UP = Duration.ofSeconds(10);
    /**
     * Post-filtered rounds grow the candidates {@link #OVERSAMPLE}-fold while they stay within
     * this share (1/n) of the index: past it, reading candidates one by one costs more than
     * evaluating the filter over the table in one scan.
     */
    static final int POST_FILTER_SHARE = 8;
    /** Below this many candidates a post-filtered round is always tried, however small the index. */
    static final int POST_FILTER_MIN_CAP = 256;

    private NearestRows() {
    }

    /** A row found, with its id. */
    record Found(UUID id, Object[] row) {
    }

    static List<Found> search(ReadView view, TableLayout layout, AccessRequest.Knn request, CollectionIndexer indexer,
                              RowReader reader) {
        String field = layout.indexName(request.column());
        if (indexer == null || !indexer.awaitApplied(view.sequence(), CATCH_UP)) {
            return exact(view, layout, request, reader);
        }
        float[] query = request.query().components();
        double[] precise = request.query().precise();
        int size = indexer.index(field).size();
        int ef = indexer.defaultEf(field);
        int k = Math.min(request.k(), Math.max(size, 1));
        long cap = Math.max(POST_FILTER_MIN_CAP, size / POST_FILTER_SHARE);
        Map<UUID, Object[]> seen = new HashMap<>();
        long candidates = Math.max((long) k * OVERSAMPLE, k + 16L);
        while (true) {
            int asked = (int) Math.min(size, candidates);
            List<Found> found = accepted(indexer.search(field, query, precise, asked, Math.max(asked, ef), null),
                    request.column(), request.filter(), reader, k, seen);
            if (found.size() >= k || asked >= size) {
                return found;
            }
            if (candidates * OVERSAMPLE > cap) {
                break;
            }
            candidates *= OVERSAMPLE;
        }
        Set<UUID> allowed = new HashSet<>();
        for (Found f : matching(view, layout, request.column(), request.query(), request.filter(), reader)) {
            allowed.add(f.id());
        }
        if (allowed.isEmpty()) {
            return List.of();
        }
        return accepted(indexer.search(field, query, precise, k, Math.max(k, ef), allowed), request.column(),
                request.filter(), reader, k, seen);
    }

    /**
     * The first k hits, nearest first, whose rows pass the filter. {@code seen} keeps every row
     * read by earlier rounds of the same search (null when it failed), so a hit is read once.
     */
    static List<Found> accepted(List<EntityHit> hits, int column, Predicate<Object[]> filter, RowReader reader, long k,
                                Map<UUID, Object[]> seen) {
        List<Found> out = new ArrayList<>();
        for (EntityHit hit : hits) {
            UUID id = hit.entity();
            Object[] row;
            if (seen.containsKey(id)) {
                row = seen.get(id);
            } else {
                row = reader.read(id);
                if (row != null && !(row[column] instanceof Vector && filter.test(row))) {
                    row = null;
                }
                seen.put(id, row);
            }
            if (row != null) {
                out.add(new Found(id, row));
                if (out.size() == k) {
                    break;
                }
            }
        }
        return out;
    }

    /** Every row of the table with a vector of the query's dimensions that passes the filter. */
    static List<Found> matching(ReadView view, TableLayout layout, int column, Vector query, Predicate<Object[]> filter,
                                RowReader reader) {
        List<Found> out = new ArrayList<>();
        try (EntityScan scan = view.entities().scan(layout.entityType().name())) {
            while (scan.next()) {
                Object[] row = reader.readScanned(scan);
                if (row[column] instanceof Vector v && v.dimensions() == query.dimensions() && filter.test(row)) {
                    out.add(new Found(scan.id(), row));
                }
            }
        }
        return out;
    }

    /** Exact k-NN: every matching row's distance computed, the k smallest kept, ties by id. */
    private static List<Found> exact(ReadView view, TableLayout layout, AccessRequest.Knn request, RowReader reader) {
        record Scored(Found found, double distance) {
        }
        Comparator<Scored> farthestFirst = Comparator.comparingDouble(Scored::distance)
                .thenComparing(s -> s.found().id()).reversed();
        PriorityQueue<Scored> kept = new PriorityQueue<>(farthestFirst);
        for (Found f : matching(view, layout, request.column(), request.query(), request.filter(), reader)) {
            kept.add(new Scored(f, request.metric().distance(request.query(), (Vector) f.row()[request.column()])));
            if (kept.size() > request.k()) {
                kept.poll();
            }
        }
        List<Found> out = new ArrayList<>();
        while (!kept.isEmpty()) {
            out.add(kept.poll().found());
        }
        return out.reversed();
    }
}
